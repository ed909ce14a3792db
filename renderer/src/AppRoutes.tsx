// Every screen of the app and where it lives. Each feature folder owns its pages.
import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import { AppLayout } from './components/AppLayout';
import { NotFoundPage } from './components/NotFoundPage';
import { BackgroundSync } from './features/sync/BackgroundSync';

// Each screen is its own chunk, loaded when first opened: the first screen loads only what it shows
// (the workbench's charts, the exports' workbook writer and the exchange's crypto stay out of it).
const CultivationPage = lazy(() => import('./features/cultivation/CultivationPage').then((m) => ({ default: m.CultivationPage })));
const ActivityFormPage = lazy(() => import('./features/activities/ActivityFormPage').then((m) => ({ default: m.ActivityFormPage })));
const ActivityListPage = lazy(() => import('./features/activities/ActivityListPage').then((m) => ({ default: m.ActivityListPage })));
const ActivityViewPage = lazy(() => import('./features/activities/ActivityViewPage').then((m) => ({ default: m.ActivityViewPage })));
const EnterpriseDetailPage = lazy(() => import('./features/enterprises/EnterpriseDetailPage').then((m) => ({ default: m.EnterpriseDetailPage })));
const EnterpriseListPage = lazy(() => import('./features/enterprises/EnterpriseListPage').then((m) => ({ default: m.EnterpriseListPage })));
const HomePage = lazy(() => import('./features/home/HomePage').then((m) => ({ default: m.HomePage })));
const ConflictsPage = lazy(() => import('./features/exchange/ConflictsPage').then((m) => ({ default: m.ConflictsPage })));
const ExchangePage = lazy(() => import('./features/exchange/ExchangePage').then((m) => ({ default: m.ExchangePage })));
const ProblemDetailPage = lazy(() => import('./features/problems/ProblemDetailPage').then((m) => ({ default: m.ProblemDetailPage })));
const ProblemListPage = lazy(() => import('./features/problems/ProblemListPage').then((m) => ({ default: m.ProblemListPage })));
const ProjectDetailPage = lazy(() => import('./features/projects/ProjectDetailPage').then((m) => ({ default: m.ProjectDetailPage })));
const LibraryOverviewPage = lazy(() => import('./features/projects/LibraryOverviewPage').then((m) => ({ default: m.LibraryOverviewPage })));
const MonthlyRoundPage = lazy(() => import('./features/projects/MonthlyRoundPage').then((m) => ({ default: m.MonthlyRoundPage })));
const ProjectListPage = lazy(() => import('./features/projects/ProjectListPage').then((m) => ({ default: m.ProjectListPage })));
const RatingsPage = lazy(() => import('./features/ratings/RatingsPage').then((m) => ({ default: m.RatingsPage })));
const RoundPage = lazy(() => import('./features/ratings/RoundPage').then((m) => ({ default: m.RoundPage })));
const MeetingListPage = lazy(() => import('./features/meetings/MeetingListPage').then((m) => ({ default: m.MeetingListPage })));
const MeetingPage = lazy(() => import('./features/meetings/MeetingPage').then((m) => ({ default: m.MeetingPage })));
const LeaguePage = lazy(() => import('./features/meetings/LeaguePage').then((m) => ({ default: m.LeaguePage })));
const RecycleBinPage = lazy(() => import('./features/recycleBin/RecycleBinPage').then((m) => ({ default: m.RecycleBinPage })));
const ReportsPage = lazy(() => import('./features/reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const OperationsMonitorPage = lazy(() => import('./features/operations/OperationsMonitorPage').then((m) => ({ default: m.OperationsMonitorPage })));
const MyEnterprisesPage = lazy(() => import('./features/review/MyEnterprisesPage').then((m) => ({ default: m.MyEnterprisesPage })));
const WorkbenchPage = lazy(() => import('./features/review/WorkbenchPage').then((m) => ({ default: m.WorkbenchPage })));
const RosterImportPage = lazy(() => import('./features/roster/RosterImportPage').then((m) => ({ default: m.RosterImportPage })));
const SettingsPage = lazy(() => import('./features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const VisitFormPage = lazy(() => import('./features/visits/VisitFormPage').then((m) => ({ default: m.VisitFormPage })));
const VisitViewPage = lazy(() => import('./features/visits/VisitViewPage').then((m) => ({ default: m.VisitViewPage })));

export function AppRoutes() {
  return (
    <>
      {/* A laptop linked to the bureau hub syncs in the background while the app is open. */}
      <BackgroundSync />
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
          <Route path="activities" element={<ActivityListPage />} />
          <Route path="activities/new" element={<ActivityFormPage />} />
          <Route path="activities/:activityId" element={<ActivityViewPage />} />
          <Route path="activities/:activityId/edit" element={<ActivityFormPage />} />
          <Route path="projects" element={<ProjectListPage />} />
          <Route path="projects/monthly" element={<MonthlyRoundPage />} />
          <Route path="projects/overview" element={<LibraryOverviewPage />} />
          <Route path="projects/:projectId" element={<ProjectDetailPage />} />
          <Route path="reports" element={<ReportsPage />} />
          <Route path="meetings" element={<MeetingListPage />} />
          <Route path="meetings/league" element={<LeaguePage />} />
          <Route path="meetings/:meetingId" element={<MeetingPage />} />
          <Route path="ratings" element={<RatingsPage />} />
          <Route path="ratings/:roundId" element={<RoundPage />} />
          <Route path="roster/import" element={<RosterImportPage />} />
          <Route path="review" element={<MyEnterprisesPage />} />
          <Route path="workbench" element={<WorkbenchPage />} />
          <Route path="operations" element={<OperationsMonitorPage />} />
          <Route path="cultivation" element={<CultivationPage />} />
          <Route path="exchange" element={<ExchangePage />} />
          <Route path="exchange/conflicts" element={<ConflictsPage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="recycle-bin" element={<RecycleBinPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </>
  );
}
