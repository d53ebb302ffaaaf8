import { describe, expect, it } from 'vitest';
import { channelName, defaultChannel } from './channels';

describe('channelName', () => {
  it('trims, collapses spaces and keeps a name as the user wrote it', () => {
    expect(channelName('  Werkenbij   site ')).toBe('Werkenbij site');
  });

  it('writes the aliases of a platform one way, whatever their case', () => {
    expect(channelName('facebook')).toBe('Meta');
    expect(channelName('Instagram')).toBe('Meta');
    expect(channelName('LINKEDIN')).toBe('LinkedIn');
    expect(channelName('indeed')).toBe('Indeed');
  });

  it('reads empty text as no channel, and cuts a long name to the stored length', () => {
    expect(channelName('   ')).toBeUndefined();
    expect(channelName('x'.repeat(80))).toHaveLength(60);
  });
});

describe('defaultChannel', () => {
  it('names the tool an export comes from, and none for a generic table', () => {
    expect(defaultChannel('meta')).toBe('Meta');
    expect(defaultChannel('linkedin')).toBe('LinkedIn');
    expect(defaultChannel('ga4')).toBe('Google Analytics');
    expect(defaultChannel('ats')).toBe('ATS');
    expect(defaultChannel('generic')).toBeUndefined();
  });
});
