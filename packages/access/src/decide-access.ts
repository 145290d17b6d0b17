import type { AccessCommand, AccessPolicy, Grant, RowFilter } from './access-policy-schema.js';
import { type MaskRules, maskRulesOf } from './mask-customer.js';

/** The answer of the policy for one user, source and command. */
export type AccessDecision =
  | { allowed: true; role: string | null; mask: MaskRules; filter: RowFilter | undefined }
  | { allowed: false; role: string | null; reason: string; hint: string };

export interface AccessRequest {
  user: string;
  source: string;
  command: AccessCommand;
}

/** Whether the config restricts anything: without `roles`, everything is allowed (backwards compatible). */
export function policyEnabled(policy: AccessPolicy | undefined): policy is AccessPolicy & { roles: NonNullable<AccessPolicy['roles']> } {
  return policy?.roles !== undefined;
}

/** The role a user has, or `null` when the config names none for that user. */
export function roleOf(policy: AccessPolicy | undefined, user: string): string | null {
  return own(policy?.users, user)?.role ?? null;
}

/** Own keys only: a user or source called `constructor` must not find Object.prototype's. */
function own<Value>(record: Record<string, Value> | undefined, key: string): Value | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

function grantOf(policy: AccessPolicy, role: string, source: string): Grant | undefined {
  const sources = own(policy.roles, role)?.sources;
  return own(sources, source) ?? own(sources, '*');
}

/** Decides what `user` may do; the grant of the source itself wins over the role's `*` grant. */
export function decideAccess(policy: AccessPolicy | undefined, request: AccessRequest): AccessDecision {
  if (!policyEnabled(policy)) return { allowed: true, role: null, mask: {}, filter: undefined };
  const role = roleOf(policy, request.user);
  if (role === null) {
    return {
      allowed: false,
      role,
      reason: `User "${request.user}" has no role in the config.`,
      hint: 'Add the user under "users" with a "role", or run as a configured user (--user NAME or CUSTCODE_USER).',
    };
  }
  const grant = grantOf(policy, role, request.source);
  const commands = grant?.commands;
  if (grant === undefined || commands === undefined || (commands !== '*' && !commands.includes(request.command))) {
    return {
      allowed: false,
      role,
      reason: `Role "${role}" may not ${request.command} source "${request.source}".`,
      hint: `Ask an administrator to grant "${request.command}" on "${request.source}" to role "${role}" (roles.${role}.sources).`,
    };
  }
  return { allowed: true, role, mask: maskRulesOf(grant.mask), filter: grant.filter };
}
