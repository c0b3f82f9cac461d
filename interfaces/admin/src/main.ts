import { createApp } from "vue";
import App from "./App.vue";
import { router } from "./router";
import { resume } from "./session";
import "./styles.css";

// Signed in again from this tab's session storage before the first page is
// chosen, so a reload keeps the page it was on.
resume().finally(() => {
  createApp(App).use(router).mount("#app");
});
