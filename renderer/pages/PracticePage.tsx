import { PlaceholderPage } from './PlaceholderPage.tsx';

export function PracticePage() {
  return <PlaceholderPage page="practice" />;
}
