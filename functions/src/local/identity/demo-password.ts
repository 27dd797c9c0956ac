/** The password every seeded demo account shares locally; never used for anything in AWS. */
export const DEMO_PASSWORD = 'waypoint-demo-2026';
