// The app's frame painted the moment the code has loaded, before the database opens (opening a
// bureau's database takes a second or more on a cold start; before, the window stayed white). It is
// the same side menu the screens sit in, with a spinner where the screen will be; nothing in it
// reads the database, so the backup before a schema upgrade and the upgrade itself run undisturbed.
import { Spin } from 'antd';
import { createHashRouter, RouterProvider } from 'react-router-dom';
import { AppLayout } from './AppLayout';

const openingRouter = createHashRouter([
  {
    path: '*',
    element: <AppLayout />,
    children: [
      {
        path: '*',
        // data-app-opening: what the e2e harness waits to see gone before it drives the app.
        element: (
          <div data-app-opening aria-busy="true">
            <Spin size="large" style={{ display: 'block', margin: '96px auto' }} aria-label="正在打开数据库" />
          </div>
        ),
      },
    ],
  },
]);

/**
 * The frame with a spinner for the screen; main.tsx renders the app in its place once the database is
 * open, and the app lock shows it until the settings are read, so the window never goes blank between.
 */
export function OpeningFrame() {
  return <RouterProvider router={openingRouter} />;
}
