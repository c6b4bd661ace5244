"""The guide's second half: losses and their reductions, the update and torch.optim, devices, your own port."""

from parity.migrate.guide import Section

# Every loss section starts from the same output, so that only the loss differs.
OUTPUT = "output = 1 / (1 + np.exp(-(np.tanh(X @ W1 + b1) @ W2 + b2)))"
TORCH_OUTPUT = f"output = torch.tensor(({OUTPUT.removeprefix('output = ')}), requires_grad=True)"


def loss_section(name: str, title: str, prose: str, numpy_loss: str, numpy_grad: str, torch_loss: str) -> Section:
    """A loss and d loss / d output, by hand and by torch's loss function with autograd."""
    return Section(
        f"loss-{name}", title, prose,
        f"""
        {OUTPUT}
        loss = {numpy_loss}
        grad = {numpy_grad}                 # d loss / d output
        """,
        f"""
        {TORCH_OUTPUT}
        loss = {torch_loss}
        loss.backward()
        grad = output.grad
        """,
        ("loss", "grad"),
    )


LOSSES = (
    loss_section("sse", "Loss: sum of squared errors",
                 "`sum((output - y)**2)` is MSELoss(reduction='sum'). Its gradient is 2 (output - y): no 1/n.",
                 "np.sum((output - y) ** 2)", "2 * (output - y)", "F.mse_loss(output, torch.from_numpy(y), reduction='sum')"),
    loss_section("half-sse", "Loss: half the sum of squares",
                 "`0.5 * sum(...)` is the textbook form whose gradient is output - y; in torch, halve the summed loss.",
                 "0.5 * np.sum((output - y) ** 2)", "output - y", "0.5 * F.mse_loss(output, torch.from_numpy(y), reduction='sum')"),
    loss_section("mse", "Loss: mean squared error",
                 "nn.MSELoss() averages over every element (n * outputs): its gradients are the sum's divided by that count.",
                 "np.mean((output - y) ** 2)", "2 * (output - y) / output.size", "F.mse_loss(output, torch.from_numpy(y))"),
    loss_section("bce", "Loss: binary cross-entropy on probabilities",
                 "BCELoss takes probabilities and averages. From logits, BCEWithLogitsLoss is the stable form, and "
                 "its gradient with respect to the logits is (sigmoid(z) - y) / n.",
                 "-np.mean(y * np.log(output) + (1 - y) * np.log(1 - output))",
                 "(output - y) / (output * (1 - output)) / output.size",
                 "F.binary_cross_entropy(output, torch.from_numpy(y))"),
)

BCE_LOGITS = Section(
    "loss-bce-logits", "Loss: binary cross-entropy from logits",
    "Give torch the logits z, not sigmoid(z): the sigmoid and the log cancel, the gradient is (sigmoid(z) - y) / n, "
    "and nothing overflows. A NumPy network that applies the sigmoid and then BCEWithLogits squashes twice.",
    """
    z = np.tanh(X @ W1 + b1) @ W2 + b2
    loss = np.mean(np.logaddexp(0, z) - y * z)   # stable log(1 + e^z) - y z
    grad = (1 / (1 + np.exp(-z)) - y) / z.size     # d loss / d z
    """,
    """
    z = torch.tensor(np.tanh(X @ W1 + b1) @ W2 + b2, requires_grad=True)
    loss = F.binary_cross_entropy_with_logits(z, torch.from_numpy(y))
    loss.backward()
    grad = z.grad
    """,
    ("loss", "grad"),
)

CROSS_ENTROPY = Section(
    "loss-ce", "Loss: softmax cross-entropy",
    "F.cross_entropy takes logits and applies log-softmax itself; it averages over rows (not elements). "
    "Targets are class indices or, as here, probabilities (one-hot rows). The gradient for the logits is (p - t) / n.",
    """
    z = X @ W1 + b1                                # 4 classes
    t = np.eye(4)[[0, 1, 2, 3]]                    # one-hot targets
    p = np.exp(z - z.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    loss = -np.mean(np.sum(t * np.log(p), axis=1))
    grad = (p - t) / len(z)
    """,
    """
    z = torch.tensor(X @ W1 + b1, requires_grad=True)
    t = torch.eye(4, dtype=torch.float64)[[0, 1, 2, 3]]
    loss = F.cross_entropy(z, t)
    loss.backward()
    grad = z.grad
    """,
    ("loss", "grad"),
)

# Three steps of a least-squares fit of one weight column, so that every optimizer's state is used.
FIT = "w = W1[:, :1].copy()\nfor step in range(3):\n    g = X.T @ (X @ w - y)              # gradient of 0.5 * sum((X w - y)**2)\n"
TORCH_FIT = ("w = torch.tensor(W1[:, :1], requires_grad=True)\nX, y = torch.from_numpy(X), torch.from_numpy(y)\n"
             "optimizer = {optimizer}\nfor step in range(3):\n    optimizer.zero_grad()\n"
             "    (0.5 * ((X @ w - y) ** 2).sum()).backward()\n    optimizer.step()\n")


def optimizer_section(name: str, title: str, prose: str, state: str, update: str, torch_optimizer: str) -> Section:
    body = "".join(f"    {line}\n" for line in update.splitlines())
    return Section(f"optimizer-{name}", title, prose, state + "\n" + FIT + body, TORCH_FIT.format(optimizer=torch_optimizer), ("w",))


OPTIMIZERS = (
    optimizer_section("sgd", "Update: plain SGD", "`W -= lr * grad` is torch.optim.SGD(lr=lr). `W += lr * (y - output)...` "
                      "is the same step only when what is added is exactly minus the gradient of your loss.",
                      "lr = 0.1", "w -= lr * g", "torch.optim.SGD([w], lr=0.1)"),
    optimizer_section("momentum", "Update: heavy-ball momentum",
                      "v = μ v + g, W -= lr v is SGD(momentum=μ). torch's buffer starts as the first gradient itself, "
                      "which is what v = μ·0 + g gives.",
                      "lr, mu, v = 0.1, 0.9, 0", "v = mu * v + g\nw -= lr * v", "torch.optim.SGD([w], lr=0.1, momentum=0.9)"),
    optimizer_section("ema-momentum", "Update: momentum as a moving average",
                      "v = β v + (1 - β) g from v = 0 is SGD(momentum=β, dampening=β) only if the buffer starts at zero: "
                      "left alone, torch seeds it with the first raw gradient, and the first step is 1/(1-β) times larger.",
                      "lr, beta, v = 0.1, 0.9, 0", "v = beta * v + (1 - beta) * g\nw -= lr * v",
                      "torch.optim.SGD([w], lr=0.1, momentum=0.9, dampening=0.9)\n"
                      "optimizer.state[w]['momentum_buffer'] = torch.zeros_like(w)   # start the average at zero"),
    optimizer_section("nesterov", "Update: Nesterov momentum",
                      "torch's Nesterov steps along g + μ v with the new v: the look-ahead written on the gradient.",
                      "lr, mu, v = 0.1, 0.9, 0", "v = mu * v + g\nw -= lr * (g + mu * v)",
                      "torch.optim.SGD([w], lr=0.1, momentum=0.9, nesterov=True)"),
    optimizer_section("adam", "Update: Adam and its bias correction",
                      "Adam divides the moments by 1 - β^t (t from 1); leaving the correction out makes early steps tiny. "
                      "eps is added to the square root, outside it.",
                      "lr, b1, b2, eps, m, v = 0.1, 0.9, 0.999, 1e-8, 0, 0",
                      "m = b1 * m + (1 - b1) * g\nv = b2 * v + (1 - b2) * g ** 2\nt = step + 1\n"
                      "w -= lr * (m / (1 - b1 ** t)) / (np.sqrt(v / (1 - b2 ** t)) + eps)",
                      "torch.optim.Adam([w], lr=0.1, betas=(0.9, 0.999), eps=1e-8)"),
)

DEVICE = Section(
    "device", "Device placement, TF32 and determinism",
    "Move the model and every tensor to one device; bring results back with .cpu().numpy(). On CUDA, float32 "
    "matmuls may use TF32 (10-bit mantissas) unless it is switched off, and some kernels are not deterministic: "
    "switch both off to compare with NumPy. On a machine without CUDA this runs on the CPU.",
    """
    output = 1 / (1 + np.exp(-(X @ W1 + b1)))
    """,
    """
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    torch.use_deterministic_algorithms(True, warn_only=True)
    layer = nn.Linear(3, 4, dtype=torch.float64).to(device)
    with torch.no_grad():
        layer.weight.copy_(torch.from_numpy(W1.T))
        layer.bias.copy_(torch.from_numpy(b1))
    output = torch.sigmoid(layer(torch.from_numpy(X).to(device))).detach().cpu().numpy()
    torch.use_deterministic_algorithms(False)
    """,
    ("output",),
)
