import { Role } from '@rounds/domain';

/** The demo organization `npm start` seeds; its logins are printed at start-up. */
export const DEMO_LOGINS = {
  organizationName: "St. Mary's Health (demo)",
  timeZone: 'America/Chicago',
  password: 'rounds-demo-2026',
  users: [
    { role: Role.Admin, name: 'Alex Admin', email: 'admin@stmarys.demo' },
    { role: Role.Marketer, name: 'Morgan Marketer', email: 'marketer@stmarys.demo' },
    { role: Role.Compliance, name: 'Casey Compliance', email: 'compliance@stmarys.demo' },
    { role: Role.Executive, name: 'Evelyn Executive', email: 'executive@stmarys.demo' },
  ],
};
