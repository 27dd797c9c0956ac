import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  ListUsersCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  UnsupportedUserStateException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { providerNameFor } from '@waypoint/shared/federation/connection-schemas';
import { cognitoSignInAccounts, type CognitoSender } from './cognito-sign-in-accounts.ts';
import { AccountExistsError, AccountNotFoundError } from './sign-in-accounts.ts';

const A = '7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801';
const B = '2b9e4d17-8a3f-4c6b-b1d0-736f75746802';

/** A stand-in for the Cognito API holding one user pool in memory, recording each call. */
function fakeCognito() {
  const users = new Map<string, { Name: string; Value: string }[]>();
  const calls: string[] = [];
  /** People who have chosen their own password, and whom Cognito has sent a temporary one again. */
  const confirmed = new Set<string>();
  const resent: string[] = [];
  const send = (async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    calls.push(command.constructor.name);
    const input = command.input as { Username: string; UserAttributes?: { Name: string; Value: string }[]; MessageAction?: string };
    if (command instanceof AdminCreateUserCommand && input.MessageAction === 'RESEND') {
      if (confirmed.has(input.Username)) throw new UnsupportedUserStateException({ message: 'confirmed', $metadata: {} });
      resent.push(input.Username);
      return {};
    }
    if (command instanceof AdminCreateUserCommand) {
      if (users.has(input.Username)) throw new UsernameExistsException({ message: 'exists', $metadata: {} });
      const attributes = [...(input.UserAttributes ?? []), { Name: 'sub', Value: `sub-${users.size + 1}` }];
      users.set(input.Username, attributes);
      return { User: { Attributes: attributes } };
    }
    if (command instanceof AdminDeleteUserCommand) {
      if (!users.delete(input.Username)) throw Object.assign(new Error('missing'), { name: 'UserNotFoundException' });
      return {};
    }
    if (command instanceof ListUsersCommand) {
      // The two filters the offboarding job uses: a subject, or a username's beginning.
      const { Filter = '', Limit = 60 } = command.input;
      const [, name, operator, value] = /^(\w+) (=|\^=) "(.*)"$/.exec(Filter) ?? [];
      const matches = (username: string, attributes: { Name: string; Value: string }[]) => (name === 'sub' ? attributes.some((a) => a.Name === 'sub' && a.Value === value) : operator === '^=' ? username.startsWith(value ?? '\u0000') : username === value);
      const found = [...users].filter(([username, attributes]) => matches(username, attributes)).slice(0, Limit);
      return { Users: found.map(([Username, Attributes]) => ({ Username, Attributes })) };
    }
    if (command instanceof AdminGetUserCommand) {
      const attributes = users.get(input.Username);
      if (!attributes) throw Object.assign(new Error('missing'), { name: 'UserNotFoundException' });
      return { UserAttributes: attributes };
    }
    return {};
  }) as unknown as CognitoSender['send'];
  return { cognito: { send }, users, calls, confirmed, resent };
}

describe('Cognito sign-in accounts', () => {
  it('creates an account with the tenant and role as admin-only attributes and returns its subject', async () => {
    const fake = fakeCognito();
    const accounts = cognitoSignInAccounts({ userPoolId: 'pool', region: 'eu-west-2', cognito: fake.cognito });
    expect(await accounts.create({ tenantId: A, email: 'a@x.example', name: 'A', role: 'manager' })).toEqual({ userId: 'sub-1', created: true });
    expect(fake.users.get('a@x.example')).toEqual(
      expect.arrayContaining([
        { Name: 'custom:tenant_id', Value: A },
        { Name: 'custom:role', Value: 'manager' },
      ]),
    );
  });

  it('finds its own earlier account on a retry, but refuses an address taken in another tenant', async () => {
    const fake = fakeCognito();
    const accounts = cognitoSignInAccounts({ userPoolId: 'pool', region: 'eu-west-2', cognito: fake.cognito });
    await accounts.create({ tenantId: A, email: 'a@x.example', name: 'A', role: 'manager' });
    expect(await accounts.create({ tenantId: A, email: 'a@x.example', name: 'A', role: 'manager' })).toEqual({ userId: 'sub-1', created: false });
    await expect(accounts.create({ tenantId: B, email: 'a@x.example', name: 'A', role: 'manager' })).rejects.toBeInstanceOf(AccountExistsError);
  });

  it('changes the role, and on deactivation disables the account and signs it out everywhere', async () => {
    const fake = fakeCognito();
    const accounts = cognitoSignInAccounts({ userPoolId: 'pool', region: 'eu-west-2', cognito: fake.cognito });
    await accounts.create({ tenantId: A, email: 'a@x.example', name: 'A', role: 'manager' });
    await accounts.update({ tenantId: A, email: 'a@x.example', role: 'qa', active: false });
    expect(fake.calls).toEqual(expect.arrayContaining([AdminUpdateUserAttributesCommand.name, AdminDisableUserCommand.name, AdminUserGlobalSignOutCommand.name]));
  });

  it('never touches an account of another tenant', async () => {
    const fake = fakeCognito();
    const accounts = cognitoSignInAccounts({ userPoolId: 'pool', region: 'eu-west-2', cognito: fake.cognito });
    await accounts.create({ tenantId: B, email: 'b@x.example', name: 'B', role: 'admin' });
    await expect(accounts.update({ tenantId: A, email: 'b@x.example', role: 'student' })).rejects.toBeInstanceOf(AccountNotFoundError);
    expect(fake.calls).not.toContain(AdminUpdateUserAttributesCommand.name);
  });

  it('resends the temporary password to someone who has not signed in, and leaves alone someone who has', async () => {
    const fake = fakeCognito();
    const accounts = cognitoSignInAccounts({ userPoolId: 'pool', region: 'eu-west-2', cognito: fake.cognito });
    await accounts.create({ tenantId: A, email: 'new@x.example', name: 'New', role: 'practitioner' });
    await accounts.create({ tenantId: A, email: 'known@x.example', name: 'Known', role: 'practitioner' });
    fake.confirmed.add('known@x.example');
    await accounts.resendInvitation({ tenantId: A, email: 'new@x.example' });
    await accounts.resendInvitation({ tenantId: A, email: 'known@x.example' });
    expect(fake.resent).toEqual(['new@x.example']);
    await expect(accounts.resendInvitation({ tenantId: B, email: 'new@x.example' })).rejects.toBeInstanceOf(AccountNotFoundError);
  });

  it('deletes an authority’s account for good, once: by email, or by subject for someone who signed in through its provider; never another authority’s', async () => {
    const fake = fakeCognito();
    const accounts = cognitoSignInAccounts({ userPoolId: 'pool', region: 'eu-west-2', cognito: fake.cognito });
    await accounts.create({ tenantId: A, email: 'a@x.example', name: 'A', role: 'manager' });
    await accounts.create({ tenantId: B, email: 'b@x.example', name: 'B', role: 'admin' });
    // Made by Cognito at a sign-in through A's provider: no tenant attribute, the provider's name.
    fake.users.set(`${providerNameFor(A)}_council-subject`, [
      { Name: 'email', Value: 'c@council.example' },
      { Name: 'sub', Value: 'sub-federated' },
    ]);
    expect(await accounts.remove({ tenantId: A, email: 'b@x.example', userId: 'sub-2' })).toBe(false);
    expect(await accounts.remove({ tenantId: A, email: 'a@x.example', userId: 'sub-1' })).toBe(true);
    expect(await accounts.remove({ tenantId: A, email: 'a@x.example', userId: 'sub-1' })).toBe(false);
    expect(await accounts.remove({ tenantId: A, email: 'c@council.example', userId: 'sub-federated' })).toBe(true);
    // A subject of B's, asked for as A's, is left.
    expect(await accounts.remove({ tenantId: A, email: 'nobody@x.example', userId: 'sub-2' })).toBe(false);
    expect([...fake.users.keys()]).toEqual(['b@x.example']);
    // A subject that could break out of the filter's quotes is not looked up.
    expect(await accounts.remove({ tenantId: A, email: 'nobody@x.example', userId: 'x" or sub ^= "' })).toBe(false);
  });

  it('deletes the accounts made through an authority’s provider a page at a time until none is left, and no one else’s', async () => {
    const fake = fakeCognito();
    const accounts = cognitoSignInAccounts({ userPoolId: 'pool', region: 'eu-west-2', cognito: fake.cognito });
    for (let i = 0; i < 70; i++) fake.users.set(`${providerNameFor(A)}_person-${i}`, [{ Name: 'sub', Value: `a-${i}` }]);
    fake.users.set(`${providerNameFor(B)}_person-0`, [{ Name: 'sub', Value: 'b-0' }]);
    const removed = [await accounts.removeProviderAccounts!(providerNameFor(A)), await accounts.removeProviderAccounts!(providerNameFor(A)), await accounts.removeProviderAccounts!(providerNameFor(A))];
    expect(removed).toEqual([60, 10, 0]);
    expect([...fake.users.keys()]).toEqual([`${providerNameFor(B)}_person-0`]);
  });
});
