// A page that throws while drawing shows a Chinese explanation inside the frame, with the menu still
// there, instead of a blank window. Nothing stored is touched by a drawing error, and saying so
// matters to an officer who just typed a visit. Keyed by the route, so leaving the page clears it.
import { Button, Result, Space } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { describeError } from '../../../shared/errors/describeError';

interface Props {
  children: ReactNode;
}

interface State {
  error: unknown;
}

export class PageErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept in the console for whoever is asked to look at the laptop.
    console.error('页面出错', error, info.componentStack);
  }

  override render() {
    if (this.state.error === undefined) return this.props.children;
    return (
      <Result
        status="error"
        title="这个页面出错了"
        subTitle={`已保存的数据没有受到影响。错误信息：${describeError(this.state.error)}`}
        extra={
          <Space>
            <Button type="primary" onClick={() => window.location.reload()}>
              重新加载
            </Button>
            <Button onClick={() => (window.location.hash = '#/')}>返回首页</Button>
          </Space>
        }
      />
    );
  }
}
