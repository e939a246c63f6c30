import { describe, expect, it } from 'vitest';
import { matchesOrder, orderNumber, readOrderQuery } from '../../../shared/domain/orders/order-number';

describe('order numbers', () => {
  it('is the channel prefix (else the channel in capitals), a dash and the channel order id', () => {
    expect(orderNumber('amazon', '113-4455667', 'AMZ')).toBe('AMZ-113-4455667');
    expect(orderNumber('web', '100234')).toBe('WEB-100234');
  });

  it.each([
    ['ORD-WEB-100234', 'WEB-100234', [], true],
    ['ord-web-100234', 'WEB-100234', [], true],
    [']C0ORD-WEB-100234', 'WEB-100234', [], true],
    ['ORD-WEB-10023', 'WEB-100234', [], false],
    ['100234', 'WEB-100234', [], true],
    ['ruiz', 'WEB-100234', ['Ana Ruiz'], true],
    ['lopez', 'WEB-100234', ['Ana Ruiz'], false],
    ['  ', 'WEB-100234', [], true],
  ] as const)('%s finds %s (names %j): %s', (text, number, names, found) => {
    expect(matchesOrder(readOrderQuery(text), { orderNumber: number, names })).toBe(found);
  });
});
