package 服务

import "sync/atomic"

// 计数器：每个请求加一。
type 统计 struct {
	请求数 int64 // want "atomic-typed"
}

func (s *统计) 记录() {
	atomic.AddInt64(&s.请求数, 1)
}
