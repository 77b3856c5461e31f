import { pipedriveHost } from '@/lib/hosts/pipedrive/detect';
import { hostContentScript } from '@/lib/hosts/host-content-script';

export default hostContentScript(pipedriveHost);
