import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, Title1 } from '@fluentui/react-components';
import { useLoad } from '../app/hooks';

interface DemoPerson {
  id: string;
  name: string;
  role: string;
  roleLabel: string;
  teams: string | null;
  wards: string[];
}

const ROLE_ORDER = ['councillor', 'officer', 'supervisor', 'volunteer'];

/**
 * The development sign-in: pick a person of the demo council. The service offers it only when no
 * Entra app is configured (WARDLINE_TAB_APP_ID unset); it is marked so nobody mistakes it for real.
 */
export function DevSignIn({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const people = useLoad(async () => {
    const response = await fetch('/api/tab/dev/people');
    if (!response.ok) throw new Error('The development sign-in is not available.');
    return ((await response.json()) as { people: DemoPerson[] }).people;
  }, []);
  const signIn = async (person: DemoPerson) => {
    const response = await fetch('/api/tab/dev/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personId: person.id }) });
    if (response.ok) onSignedIn(((await response.json()) as { token: string }).token);
  };
  return (
    <main className="wl-page" id="main">
      <Title1 as="h1">Development sign-in</Title1>
      <MessageBar intent="warning" className="wl-block">
        <MessageBarBody>
          <MessageBarTitle>Not for real use</MessageBarTitle>
          This page appears only because no Entra ID app is configured (WARDLINE_TAB_APP_ID is not set). Anyone can pick anyone. In Teams, people sign in with their council account.
        </MessageBarBody>
      </MessageBar>
      {people.loading && !people.data ? <Spinner label="Loading people" /> : null}
      {people.error ? <MessageBar intent="error"><MessageBarBody>{people.error.message}</MessageBarBody></MessageBar> : null}
      {ROLE_ORDER.map((role) => {
        const group = (people.data ?? []).filter((p) => p.role === role);
        if (group.length === 0) return null;
        return (
          <section key={role} aria-labelledby={`role-${role}`} className="wl-block">
            <h2 id={`role-${role}`}>{group[0].roleLabel}s</h2>
            <ul className="wl-people">
              {group.map((person) => (
                <li key={person.id}>
                  <Button appearance="secondary" onClick={() => void signIn(person)}>Sign in as {person.name}</Button>
                  <Text size={200} className="wl-muted"> {person.wards.length ? person.wards.join(', ') : person.teams ?? ''}</Text>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </main>
  );
}
