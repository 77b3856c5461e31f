import { bootSidebarFrame } from '@/components/sidebar/frame-boot';

bootSidebarFrame(document.getElementById('root')!);
