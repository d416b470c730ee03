/**
 * Practice: generated problems matched to the learner. `#/practice` lists them and offers
 * "Practise my weak spots"; `#/practice/<problem id>` is one problem to solve.
 */
import { useLocation } from '../app/router.ts';
import { PracticeHome } from '../practice/PracticeHome.tsx';
import { PracticeProblem } from '../practice/PracticeProblem.tsx';

export function PracticePage() {
  const { params } = useLocation();
  const [problemId] = params;
  return problemId ? <PracticeProblem key={problemId} id={problemId} /> : <PracticeHome />;
}
