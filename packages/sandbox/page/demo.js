// The /demo host page: frames a fresh sandbox flow and lists each message it posts, with its origin.
const frame = document.getElementById('flow');
const log = document.getElementById('log');

window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow) return;
  const item = document.createElement('li');
  const code = document.createElement('code');
  code.textContent = JSON.stringify(event.data);
  item.append(code, ` from ${event.origin}`);
  log.append(item);
  const height = event.data?.height;
  if (Number.isInteger(height) && height > 0 && height < 10000) frame.style.height = `${height}px`;
});

async function start() {
  log.replaceChildren();
  const response = await fetch('/demo/flows', { method: 'POST' });
  const flow = await response.json();
  frame.src = flow.link;
}

document.getElementById('restart').addEventListener('click', () => void start());
void start();
