// A real OpenID Connect provider on loopback for the single sign-on browser tests:
// `oidc-provider` with its development login pages (any password is accepted; the
// login names an account below). Not for anything but tests.
import { createServer } from 'node:net';
import Provider from 'oidc-provider';

/** A free TCP port on 127.0.0.1. */
async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a provider at http://127.0.0.1:<free port>.
 * @param {object} options
 * @param {Array<object>} options.clients  oidc-provider client metadata
 * @param {Record<string, object>} options.accounts  login name -> claims (email, email_verified, ...)
 * @returns {Promise<{issuer: string, stop: () => Promise<void>}>}
 */
export async function startProvider({ clients, accounts }) {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients,
    async findAccount(_ctx, id) {
      const claims = accounts[id];
      if (!claims) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...claims }) };
    },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'employee_id'],
    },
    // Put the scope's claims (email, employee_id) in the ID token itself, as Entra ID and
    // Google do, rather than only at the userinfo endpoint.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ['skillgym-e2e-only'] },
  });
  const server = provider.listen(port, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    issuer,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
