import { describe, expect, it } from 'vitest';
import { currencySign } from './kpi-text';

describe('currencySign', () => {
  it('writes a currency as each language does', () => {
    expect(currencySign('EUR', 'nl')).toBe('€');
    expect(currencySign('EUR', 'en')).toBe('€');
    expect(currencySign('USD', 'en')).toBe('US$');
    expect(currencySign('GBP', 'en')).toBe('£');
  });

  it('keeps what is no currency code as it is', () => {
    expect(currencySign('', 'en')).toBe('');
    expect(currencySign('euro', 'nl')).toBe('euro');
  });
});
