/** bot/identity: who is signed in to the tab (Entra ID single sign-on, or the development sign-in). */
export { readIdentityConfig, type BrowserSignIn, type IdentityConfig } from './identity-config';
export { IdentityError, IdentityErrors } from './identity-errors';
export { createEntraVerifier, type EntraClaims } from './verify-entra-token';
export { issueDevelopmentToken, verifyDevelopmentToken } from './development-tokens';
export { createAuthenticator, type Authenticator } from './authenticate';
export { viewerFor, type Viewer } from './viewer';
export { developmentSignInRoutes } from './development-sign-in';
