import express, { Router } from 'express';
import { choiceLabel, type Store } from '@wardline/core';
import type { IdentityConfig } from './identity-config';
import { IdentityError, IdentityErrors } from './identity-errors';
import { issueDevelopmentToken } from './development-tokens';

/**
 * The development sign-in (only with no Entra app configured): lists the people in the store and
 * issues a token for the one picked. With WARDLINE_TAB_APP_ID set every route answers 404
 * WL-ID-006, whatever is sent: there is no switch to turn it on.
 */
export function developmentSignInRoutes(config: IdentityConfig, store: Store, clock: () => Date): Router {
  const router = Router();
  router.get('/auth-config', (_request, response) => {
    // Entra: Teams' single sign-on needs only the app; outside Teams the page signs in with MSAL (authority, scope, redirect URI).
    response.json(config.mode === 'entra' ? { mode: 'entra', appId: config.appId, tenantId: config.tenantId, ...config.browser } : { mode: 'development' });
  });
  router.use('/dev', (_request, _response, next) => next(config.mode === 'entra' ? new IdentityError(IdentityErrors.DevSignInOff) : undefined));
  router.get('/dev/people', async (_request, response) => {
    const people = await store.listOfficers();
    const members = await store.listWardMembers();
    const wards = new Map((await store.listWards()).map((w) => [w.id, w.name]));
    response.json({
      people: people.map((p) => ({
        id: p.id, name: p.name, role: p.role, roleLabel: choiceLabel('wl_personrole', p.role), teams: p.teams,
        wards: members.filter((m) => m.councillor === p.id).map((m) => wards.get(m.ward) ?? m.ward),
      })).sort((a, b) => a.role.localeCompare(b.role) || a.name.localeCompare(b.name)),
    });
  });
  router.post('/dev/sign-in', express.json(), async (request, response) => {
    if (config.mode !== 'development') throw new IdentityError(IdentityErrors.DevSignInOff);
    const personId = String((request.body as { personId?: unknown })?.personId ?? '');
    const person = await store.getOfficer(personId);
    if (!person) throw new IdentityError(IdentityErrors.UnknownPerson, { oid: `(development person ${personId || 'not given'})` });
    response.json({ token: await issueDevelopmentToken(config.secret, person.entraObjectId, clock()), name: person.name, role: person.role });
  });
  return router;
}
