import { PlaceholderPage } from './PlaceholderPage.tsx';

export function TeacherPage() {
  return <PlaceholderPage page="teacher" />;
}
