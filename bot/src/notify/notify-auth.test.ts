import { parseNotifyKey } from './notify-auth';

describe('parseNotifyKey', () => {
  it('splits {name}-{service id}-{secret}, the name may hold dashes', () => {
    expect(parseNotifyKey('my-test-key-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0')).toMatchObject({
      name: 'my-test-key', serviceId: '26785a09-ab16-4eb0-8407-a37497a57506', secret: '3d844edf-8d35-48ac-975b-e847b4f122b0',
    });
  });

  it('refuses anything else with what to do', () => {
    expect(() => parseNotifyKey('abc')).toThrow('copy it again from Notify, API integration');
  });
});
