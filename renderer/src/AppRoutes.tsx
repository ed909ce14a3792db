// Every screen of the app and where it lives. Each feature folder owns its pages.
import { Route, Routes } from 'react-router-dom';
import { AppLayout } from './components/AppLayout';
import { NotFoundPage } from './components/NotFoundPage';
import { EnterpriseDetailPage } from './features/enterprises/EnterpriseDetailPage';
import { EnterpriseListPage } from './features/enterprises/EnterpriseListPage';
import { HomePage } from './features/home/HomePage';
import { ConflictsPage } from './features/exchange/ConflictsPage';
import { ExchangePage } from './features/exchange/ExchangePage';
import { ProblemDetailPage } from './features/problems/ProblemDetailPage';
import { ProblemListPage } from './features/problems/ProblemListPage';
import { ProjectDetailPage } from './features/projects/ProjectDetailPage';
import { ProjectListPage } from './features/projects/ProjectListPage';
import { RecycleBinPage } from './features/recycleBin/RecycleBinPage';
import { ReportsPage } from './features/reports/ReportsPage';
import { MyEnterprisesPage } from './features/review/MyEnterprisesPage';
import { WorkbenchPage } from './features/review/WorkbenchPage';
import { RosterImportPage } from './features/roster/RosterImportPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { VisitFormPage } from './features/visits/VisitFormPage';
import { VisitViewPage } from './features/visits/VisitViewPage';

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="enterprises" element={<EnterpriseListPage />} />
        <Route path="enterprises/:enterpriseId" element={<EnterpriseDetailPage />} />
        <Route path="visits/new/:enterpriseId" element={<VisitFormPage />} />
        <Route path="visits/:visitId" element={<VisitViewPage />} />
        <Route path="visits/:visitId/edit" element={<VisitFormPage />} />
        <Route path="problems" element={<ProblemListPage />} />
        <Route path="problems/:problemId" element={<ProblemDetailPage />} />
        <Route path="projects" element={<ProjectListPage />} />
        <Route path="projects/:projectId" element={<ProjectDetailPage />} />
        <Route path="reports" element={<ReportsPage />} />
        <Route path="roster/import" element={<RosterImportPage />} />
        <Route path="review" element={<MyEnterprisesPage />} />
        <Route path="workbench" element={<WorkbenchPage />} />
        <Route path="exchange" element={<ExchangePage />} />
        <Route path="exchange/conflicts" element={<ConflictsPage />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="recycle-bin" element={<RecycleBinPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
