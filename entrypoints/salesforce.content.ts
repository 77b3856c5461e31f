import { salesforceHost } from '@/lib/hosts/salesforce/detect';
import { hostContentScript } from '@/lib/hosts/host-content-script';

export default hostContentScript(salesforceHost);
