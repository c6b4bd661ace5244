"""The guide's last section: one whole training step both ways, and handing your own port to `parity check`."""

from parity.migrate.guide import Section

PORT = Section(
    "port", "The whole step, and checking your own port",
    "One training step of the NumPy network and of its port: forward, loss, backward, update. Save your port "
    "in a file and let the kit do this for every step and every tensor, with the first difference located and "
    "named: `parity check --torch port.py:Net --loss sse --lr 0.5` (your port against the kit's NumPy network), "
    "or `parity check net.py:NeuralNetwork --torch port.py:Net` (your two programs against each other).",
    """
    lr = 0.5
    hidden = 1 / (1 + np.exp(-(X @ W1 + b1)))
    output = 1 / (1 + np.exp(-(hidden @ W2 + b2)))
    d_pre2 = 2 * (output - y) * output * (1 - output)
    d_pre1 = (d_pre2 @ W2.T) * hidden * (1 - hidden)
    W2 -= lr * hidden.T @ d_pre2
    b2 -= lr * d_pre2.sum(axis=0)
    W1 -= lr * X.T @ d_pre1
    b1 -= lr * d_pre1.sum(axis=0)
    """,
    """
    model = nn.Sequential(nn.Linear(3, 4), nn.Sigmoid(), nn.Linear(4, 1), nn.Sigmoid()).double()
    with torch.no_grad():
        for layer, W, b in ((model[0], W1, b1), (model[2], W2, b2)):
            layer.weight.copy_(torch.from_numpy(W.T))
            layer.bias.copy_(torch.from_numpy(b))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
    optimizer.zero_grad()
    nn.MSELoss(reduction="sum")(model(torch.from_numpy(X)), torch.from_numpy(y)).backward()
    optimizer.step()
    W1, b1 = model[0].weight.T, model[0].bias
    W2, b2 = model[2].weight.T, model[2].bias
    """,
    ("W1", "b1", "W2", "b2"),
)
