import { PlaceholderPage } from './PlaceholderPage.tsx';

export function ProgressPage() {
  return <PlaceholderPage page="progress" />;
}
