import { gmailHost } from '@/lib/hosts/gmail';
import { hostContentScript } from '@/lib/hosts/host-content-script';

export default hostContentScript(gmailHost);
