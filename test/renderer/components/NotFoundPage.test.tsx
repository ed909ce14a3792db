// An address no screen owns must show a Chinese "page not found" with a way home, not a blank page.
// (AppRoutes wires it as the catch-all inside the frame; checked in Chromium, since importing every
// page here would pull ECharts and the bridge into node.)
import { renderToString } from 'react-dom/server';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { AppLayout } from '../../../renderer/src/components/AppLayout';
import { NotFoundPage } from '../../../renderer/src/components/NotFoundPage';

describe('NotFoundPage', () => {
  it('says 页面不存在 and offers the way home, inside the frame with its side menu', () => {
    const html = renderToString(
      <MemoryRouter initialEntries={['/no-such-page']}>
        <Routes>
          <Route element={<AppLayout />}>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </MemoryRouter>,
    );
    expect(html).toContain('页面不存在');
    expect(html).toContain('返回首页');
    expect(html).toContain('企业名录');
  });
});
