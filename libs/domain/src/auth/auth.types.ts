export const ROLES = ['coordinator', 'helper', 'partner'] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in person as the API and the web app see them. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}
