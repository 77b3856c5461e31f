import { hubspotHost } from '@/lib/hosts/hubspot/detect';
import { hostContentScript } from '@/lib/hosts/host-content-script';

export default hostContentScript(hubspotHost);
