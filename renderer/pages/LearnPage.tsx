import { PlaceholderPage } from './PlaceholderPage.tsx';

export function LearnPage() {
  return <PlaceholderPage page="learn" />;
}
