/** 总览 (being built). */
export default function Page() {
  return <h1 className="page-title">总览</h1>;
}
