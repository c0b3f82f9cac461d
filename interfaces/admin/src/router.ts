import { nextTick } from "vue";
import { createRouter, createWebHistory } from "vue-router";
import { session } from "./session";

export const router = createRouter({
  history: createWebHistory("/admin/"),
  routes: [
    {
      path: "/",
      name: "portfolio",
      component: () => import("./pages/PortfolioPage.vue"),
      meta: { title: "Portfolio" },
    },
    {
      path: "/sign-in",
      name: "sign-in",
      component: () => import("./pages/SignInPage.vue"),
      meta: { title: "Sign in" },
    },
    {
      path: "/engagements/:id",
      name: "engagement",
      component: () => import("./pages/EngagementPage.vue"),
      props: true,
      meta: { title: "Engagement" },
    },
    {
      path: "/complaints",
      name: "complaints",
      component: () => import("./pages/ComplaintQueuePage.vue"),
      meta: { title: "Complaint queue" },
    },
    {
      path: "/operations",
      name: "operations",
      component: () => import("./pages/OperationsPage.vue"),
      meta: { title: "Operations" },
    },
    {
      path: "/:rest(.*)*",
      name: "not-found",
      component: () => import("./pages/NotFoundPage.vue"),
      meta: { title: "Not found" },
    },
  ],
});

router.beforeEach((to) => {
  if (!session.caller && to.name !== "sign-in") {
    return { name: "sign-in", query: { next: to.fullPath } };
  }
  return true;
});

// A new page has a title of its own, and after a navigation the focus moves to
// its content, so that a screen reader starts reading there and the next Tab
// does not go back to the link that was followed.
router.afterEach((to, from) => {
  document.title = `${String(to.meta.title ?? "Rapport")} · Rapport`;
  if (from.matched.length && to.path !== from.path) {
    void nextTick(() => document.getElementById("main")?.focus({ preventScroll: true }));
  }
});
