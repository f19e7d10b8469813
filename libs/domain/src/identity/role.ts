/** The four roles of the README's role table ("Identity, roles and tenancy"). */
export enum Role {
  Admin = 'admin',
  Marketer = 'marketer',
  Compliance = 'compliance',
  Executive = 'executive',
}

export const ALL_ROLES = Object.values(Role);

/** Who may write content: marketers, and admins who may do everything a marketer may. */
export const CONTENT_ROLES = [Role.Admin, Role.Marketer];
