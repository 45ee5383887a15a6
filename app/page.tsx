export default function Home() {
  return <main><h1>SweetDate</h1></main>;
}
