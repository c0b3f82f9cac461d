import { createRouter, createWebHistory } from "vue-router";
import { session } from "./session";

export const router = createRouter({
  history: createWebHistory("/admin/"),
  routes: [
    { path: "/", name: "portfolio", component: () => import("./pages/PortfolioPage.vue") },
    { path: "/sign-in", name: "sign-in", component: () => import("./pages/SignInPage.vue") },
    {
      path: "/engagements/:id",
      name: "engagement",
      component: () => import("./pages/EngagementPage.vue"),
      props: true,
    },
    {
      path: "/complaints",
      name: "complaints",
      component: () => import("./pages/ComplaintQueuePage.vue"),
    },
    {
      path: "/operations",
      name: "operations",
      component: () => import("./pages/OperationsPage.vue"),
    },
    { path: "/:rest(.*)*", name: "not-found", component: () => import("./pages/NotFoundPage.vue") },
  ],
});

router.beforeEach((to) => {
  if (!session.caller && to.name !== "sign-in") {
    return { name: "sign-in", query: { next: to.fullPath } };
  }
  return true;
});
