import { useTranslation } from 'react-i18next';

/** A page whose features arrive in later work: its title and what it will hold. */
export function PlaceholderPage({ page }: { page: 'learn' | 'practice' | 'progress' | 'teacher' }) {
  const { t } = useTranslation();
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t(`${page}.title`)}</h1>
      <p className="lead">{t(`${page}.intro`)}</p>
    </section>
  );
}
