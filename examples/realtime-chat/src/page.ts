/**
 * The chat's page: log in (any name), join a room over a WebSocket (the
 * token as a subprotocol, since a browser cannot set headers on one), and ask
 * the assistant, whose answer streams in through an EventSource (the token
 * in the query: an EventSource cannot send headers either).
 */
export const CHAT_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Deft chat</title>
<style>body { font-family: sans-serif; margin: 2em; } #log li { margin: 0.2em 0; } .system { color: #777; }</style>
</head>
<body>
<h1>Deft chat</h1>
<form id="login"><input id="username" placeholder="your name" required> <input id="room" value="lobby" required> <button>Join</button></form>
<form id="say" hidden><input id="message" placeholder="say something" autocomplete="off"> <button>Send</button></form>
<ul id="log"></ul>
<form id="ask" hidden><input id="prompt" placeholder="ask the assistant"> <button>Ask</button></form>
<p id="answer"></p>
<script>
let token;
let socket;
const $ = (id) => document.getElementById(id);
function show(text, system) {
  const item = document.createElement('li');
  item.textContent = text;
  if (system) item.className = 'system';
  $('log').append(item);
}
$('login').addEventListener('submit', async (event) => {
  event.preventDefault();
  const response = await fetch('token', { method: 'POST', body: new URLSearchParams({ username: $('username').value }) });
  token = (await response.json()).access_token;
  const url = new URL('ws/' + encodeURIComponent($('room').value), location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  socket = new WebSocket(url, ['bearer', token]);
  socket.addEventListener('open', () => { $('say').hidden = false; $('ask').hidden = false; document.body.dataset.joined = 'yes'; });
  socket.addEventListener('message', (message) => {
    const data = JSON.parse(message.data);
    show(data.system ?? data.user + ': ' + data.text, data.system !== undefined);
  });
  socket.addEventListener('close', (close) => show('disconnected (' + close.code + ')', true));
});
$('say').addEventListener('submit', (event) => {
  event.preventDefault();
  socket.send($('message').value);
  $('message').value = '';
});
$('ask').addEventListener('submit', (event) => {
  event.preventDefault();
  $('answer').textContent = '';
  const source = new EventSource('assistant?' + new URLSearchParams({ prompt: $('prompt').value, token }));
  source.addEventListener('message', (message) => { $('answer').textContent += JSON.parse(message.data).token; });
  source.addEventListener('done', () => { source.close(); $('answer').dataset.done = 'yes'; });
});
</script>
</body>
</html>
`;
