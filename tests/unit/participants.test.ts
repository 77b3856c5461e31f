import { describe, expect, it } from 'vitest';
import { isAutomatedAddress } from '@/lib/hosts/automated-addresses';
import { EMAIL_IN_TEXT, isInternal, participantCollector } from '@/lib/hosts/participants';

describe('people on a host page', () => {
  it('reads an address with an apostrophe inside whole, and leaves out the text’s own quotes', () => {
    expect(EMAIL_IN_TEXT.exec("Sean O'Brien <sean.o'brien@helixbio.example>")?.[0]).toBe("sean.o'brien@helixbio.example");
    expect(EMAIL_IN_TEXT.exec("Write to 'maya.okafor@northwind-logistics.example' today")?.[0]).toBe(
      'maya.okafor@northwind-logistics.example',
    );
  });

  it('takes people on the rep’s mailbox provider for prospects, not colleagues', () => {
    for (const provider of ['gmx.net', 'hotmail.co.uk', 'outlook.de', 'yahoo.co.uk', 'msn.com'])
      expect(isInternal(`lead@${provider}`, `rep@${provider}`), provider).toBe(false);
    // A company domain still means a colleague.
    expect(isInternal('sam.ortiz@brightwave.example', 'alex.rivera@brightwave.example')).toBe(true);
  });

  it('leaves out machines and mailing lists, not people whose address merely looks like one', () => {
    const machines = [
      'mailer-daemon@googlemail.com',
      'postmaster@northwind-logistics.example',
      'no-reply@zoom.us',
      'noreply@helixbio.example',
      'do-not-reply@corvidretail.example',
      'donotreply@aldermfg.example',
      'calendar-noreply@google.com',
      'notifications@github.com',
      'notification@fjordins.example',
      'calendar-notification@google.com',
      'bounces+1234-abcd=brightwave.example@em.sendgrid.net',
      'bounce-mc.us5_1234.5678-alex=brightwave.example@mail42.mcsv.net',
      'srs0=abcd=tt=northwind.example=maya@forwarder.example',
      'route-pilot@googlegroups.com',
      'pilot-team@groups.google.com',
    ];
    const people = [
      'maya.okafor@northwind-logistics.example',
      'noah.feld@quietpartners.example',
      'reply.desk@helixbio.example',
      'bouncer@fjordins.example',
      'jordan@notifications-startup.example',
      'lena@googlegroups-fans.example',
    ];
    const collect = participantCollector(null);
    for (const email of [...machines, ...people]) collect.add(email);
    expect(collect.list().map((p) => p.email)).toEqual(people);
    expect(machines.filter((m) => !isAutomatedAddress(m))).toEqual([]);
  });
});
