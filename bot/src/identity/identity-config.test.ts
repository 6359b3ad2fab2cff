import { readIdentityConfig } from './identity-config';
import { IdentityError } from './identity-errors';

const TENANT = '11111111-2222-4333-8444-555555555555';
const APP = '99999999-8888-4777-8666-555555555555';
const entra = { WARDLINE_TAB_APP_ID: APP, WARDLINE_TAB_TENANT_ID: TENANT, WARDLINE_SERVICE_URL: 'https://wardline.council.example' };

function refusal(env: Record<string, string>): IdentityError {
  try {
    readIdentityConfig(env);
  } catch (error) {
    if (error instanceof IdentityError) return error;
    throw error;
  }
  throw new Error('the settings were accepted');
}

describe('readIdentityConfig', () => {
  it('uses the development sign-in with no Entra app', () => {
    expect(readIdentityConfig({}).mode).toBe('development');
  });

  it("gives the page what it needs to sign in outside Teams from the Entra app's settings", () => {
    const config = readIdentityConfig(entra);
    expect(config).toMatchObject({
      mode: 'entra', appId: APP, tenantId: TENANT, audiences: [APP],
      issuers: [`https://login.microsoftonline.com/${TENANT}/v2.0`, `https://sts.windows.net/${TENANT}/`],
      // The resource is the one the Teams package names (api://<service host>/<app id>).
      browser: { authority: `https://login.microsoftonline.com/${TENANT}/v2.0`, scope: `api://wardline.council.example/${APP}/access_as_user`, redirectUri: 'https://wardline.council.example/tab/' },
    });
  });

  it('takes the app id URI and another authority when set', () => {
    const config = readIdentityConfig({ ...entra, WARDLINE_TAB_APP_ID_URI: `api://tabs.council.example/${APP}/`, WARDLINE_TAB_AUTHORITY: `https://login.microsoftonline.us/${TENANT}/v2.0/` });
    expect(config).toMatchObject({ audiences: [APP, `api://tabs.council.example/${APP}/`], browser: { authority: `https://login.microsoftonline.us/${TENANT}/v2.0`, scope: `api://tabs.council.example/${APP}/access_as_user` } });
  });

  it('allows a local http service address, for trying it on a laptop', () => {
    expect(readIdentityConfig({ ...entra, WARDLINE_SERVICE_URL: 'http://localhost:3978' })).toMatchObject({ browser: { redirectUri: 'http://localhost:3978/tab/', scope: `api://localhost:3978/${APP}/access_as_user` } });
  });

  it('names the setting that is missing or wrong', () => {
    const { WARDLINE_SERVICE_URL: _omitted, ...noService } = entra;
    expect(refusal(noService)).toMatchObject({ code: 'WL-ID-007', message: expect.stringMatching(/^Setting WARDLINE_SERVICE_URL: is required when WARDLINE_TAB_APP_ID is set/) });
    expect(refusal({ ...entra, WARDLINE_SERVICE_URL: 'http://wardline.council.example' }).message).toBe('Setting WARDLINE_SERVICE_URL: "http://wardline.council.example" must be an https address');
    expect(refusal({ ...entra, WARDLINE_TAB_AUTHORITY: 'http://localhost/tenant' }).message).toBe('Setting WARDLINE_TAB_AUTHORITY: "http://localhost/tenant" must be an https address');
    expect(refusal({ ...entra, WARDLINE_TAB_AUTHORITY: 'not an address' }).message).toBe('Setting WARDLINE_TAB_AUTHORITY: "not an address" is not an address');
    expect(refusal({ ...entra, WARDLINE_TAB_TENANT_ID: '' }).message).toMatch(/WARDLINE_TAB_TENANT_ID/);
  });
});
