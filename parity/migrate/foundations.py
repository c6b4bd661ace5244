"""The guide's first half: data, weights, the forward pass, the backward pass."""

from parity.migrate.guide import Section

DATA = Section(
    "data", "Data and dtypes",
    "NumPy computes in float64 unless told otherwise; torch creates float32 tensors from Python numbers and "
    "keeps the dtype of a NumPy array it is given. Decide the dtype once: float64 on both sides to prove the "
    "port, float32 on both to compare what you will train with. `torch.tensor(list)` silently gives float32.",
    """
    X = np.asarray(X, dtype=np.float64)   # (n, inputs)
    y = np.asarray(y, dtype=np.float64).reshape(-1, 1)  # (n, 1), never (n,)
    """,
    """
    X = torch.from_numpy(X)               # float64, shares memory with the array
    y = torch.from_numpy(y).reshape(-1, 1)
    # torch.tensor([[0.0, 1.0]]) would be float32: pass dtype=torch.float64
    """,
    ("X", "y"),
)

LAYOUT = Section(
    "layout", "Weight layout and copying weights across",
    "A hand-written layer stores W of shape (in, out) and computes X @ W + b. nn.Linear stores weight of shape "
    "(out, in) and computes X @ weight.T + bias. Copy a NumPy W into a layer transposed, under no_grad.",
    """
    pre1 = X @ W1 + b1                    # W1: (in, hidden)
    """,
    """
    layer1 = nn.Linear(3, 4, dtype=torch.float64)   # weight: (hidden, in)
    with torch.no_grad():
        layer1.weight.copy_(torch.from_numpy(W1.T))
        layer1.bias.copy_(torch.from_numpy(b1))
    pre1 = layer1(torch.from_numpy(X))
    """,
    ("pre1",),
)

ACTIVATIONS = Section(
    "activations", "Activations and output units",
    "Each activation has a torch function of the same mathematics. 1 / (1 + exp(-z)) overflows to Inf for large "
    "negative z and comes out 0, the right limit, with a RuntimeWarning: silence it with np.errstate(over='ignore'), "
    "as numpy_net does. Softmax subtracts the row's maximum first, as torch does.",
    """
    z = X @ W1 + b1
    sigmoid = 1 / (1 + np.exp(-z))
    tanh = np.tanh(z)
    relu = np.maximum(z, 0)
    shifted = np.exp(z - z.max(axis=1, keepdims=True))
    softmax = shifted / shifted.sum(axis=1, keepdims=True)
    """,
    """
    z = torch.from_numpy(X @ W1 + b1)
    sigmoid = torch.sigmoid(z)
    tanh = torch.tanh(z)
    relu = torch.relu(z)
    softmax = torch.softmax(z, dim=1)
    """,
    ("sigmoid", "tanh", "relu", "softmax"),
)

FORWARD = Section(
    "forward", "The forward pass as a module",
    "The two-layer network becomes an nn.Module with two nn.Linear layers. Keep what the NumPy code keeps "
    "(the hidden activation, the output) if you want to compare them; a module returns only the output.",
    """
    hidden = 1 / (1 + np.exp(-(X @ W1 + b1)))
    output = 1 / (1 + np.exp(-(hidden @ W2 + b2)))
    """,
    """
    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.layer1, self.layer2 = nn.Linear(3, 4), nn.Linear(4, 1)

        def forward(self, X):
            return torch.sigmoid(self.layer2(torch.sigmoid(self.layer1(X))))

    model = Net().double()
    with torch.no_grad():
        for layer, W, b in ((model.layer1, W1, b1), (model.layer2, W2, b2)):
            layer.weight.copy_(torch.from_numpy(W.T))
            layer.bias.copy_(torch.from_numpy(b))
    output = model(torch.from_numpy(X))
    """,
    ("output",),
)

BACKWARD = Section(
    "backward", "The backward pass: what autograd replaces",
    "Backpropagation by hand becomes loss.backward(). Autograd adds into .grad: call optimizer.zero_grad() "
    "(or model.zero_grad()) before every backward, or gradients accumulate across steps. The sigmoid "
    "derivative a * (1 - a) takes the activation a, never the pre-activation.",
    """
    hidden = 1 / (1 + np.exp(-(X @ W1 + b1)))
    output = 1 / (1 + np.exp(-(hidden @ W2 + b2)))
    d_output = 2 * (output - y)               # d/d output of sum((output - y)**2)
    d_pre2 = d_output * output * (1 - output)
    dW2, db2 = hidden.T @ d_pre2, d_pre2.sum(axis=0)
    d_pre1 = (d_pre2 @ W2.T) * hidden * (1 - hidden)
    dW1, db1 = X.T @ d_pre1, d_pre1.sum(axis=0)
    """,
    """
    params = [torch.tensor(p, requires_grad=True) for p in (W1, b1, W2, b2)]
    tW1, tb1, tW2, tb2 = params
    X, y = torch.from_numpy(X), torch.from_numpy(y)
    output = torch.sigmoid(torch.sigmoid(X @ tW1 + tb1) @ tW2 + tb2)
    loss = ((output - y) ** 2).sum()
    for p in params:
        p.grad = None                         # zero_grad: .grad accumulates otherwise
    loss.backward()
    dW1, db1, dW2, db2 = (p.grad for p in params)
    """,
    ("dW1", "db1", "dW2", "db2"),
)

BATCHES = Section(
    "batches", "Mini-batches and DataLoader",
    "Slicing rows in order is a DataLoader over a TensorDataset without shuffling, with a smaller last batch. "
    "To shuffle identically, draw each epoch's order once and hand it to both sides (a sampler over a list "
    "of indices); DataLoader(shuffle=True) draws from torch's generator, which NumPy cannot reproduce.",
    """
    order = np.random.default_rng(0).permutation(len(X))
    batches = [X[order[i:i + 3]] for i in range(0, len(X), 3)]
    batch_sums = np.array([b.sum() for b in batches])   # 2 batches: 3 rows, then 1
    """,
    """
    from torch.utils.data import DataLoader, TensorDataset
    order = np.random.default_rng(0).permutation(len(X)).tolist()
    loader = DataLoader(TensorDataset(torch.from_numpy(X), torch.from_numpy(y)), batch_size=3, sampler=order)
    batch_sums = torch.stack([xb.sum() for xb, yb in loader])
    """,
    ("batch_sums",),
)
