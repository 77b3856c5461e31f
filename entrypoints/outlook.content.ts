import { outlookHost } from '@/lib/hosts/outlook/detect';
import { hostContentScript } from '@/lib/hosts/host-content-script';

export default hostContentScript(outlookHost);
