"""PyTorch port of gcn_numpy.py: a two-layer GCN for node classification.

Each GCNLayer is a bias-free nn.Linear followed by propagation with the fixed
A_hat = D^-1/2 (A + I) D^-1/2 and a bias added after it (as PyG's GCNConv).
F.cross_entropy on the training nodes; torch.optim.SGD with momentum and weight decay.

Parameters, with the NumPy names:
    conv1.linear.weight (hidden, n_features) = W1.T     conv1.bias = b1
    conv2.linear.weight (classes, hidden)    = W2.T     conv2.bias = b2
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))


class GCNLayer(nn.Module):
    def __init__(self, in_features, out_features):
        super().__init__()
        self.linear = nn.Linear(in_features, out_features, bias=False)
        self.bias = nn.Parameter(torch.zeros(out_features))

    def forward(self, x, A_hat):
        return A_hat @ self.linear(x) + self.bias


class GCN(nn.Module):
    def __init__(self, graph=os.path.join(HERE, "gcn.npz"), hidden=16):
        super().__init__()
        data = np.load(graph)
        A = torch.from_numpy(data["A"]).float()
        A_tilde = A + torch.eye(A.shape[0])
        deg = A_tilde.sum(dim=1)
        d_inv_sqrt = deg.pow(-0.5)
        self.register_buffer("A_hat", d_inv_sqrt[:, None] * A_tilde * d_inv_sqrt[None, :])
        self.register_buffer("train_mask", torch.from_numpy(data["train_mask"]).bool())
        n_features = data["X"].shape[1]
        n_classes = int(data["y"].max()) + 1
        self.conv1 = GCNLayer(n_features, hidden)
        self.conv2 = GCNLayer(hidden, n_classes)

    def forward(self, x):
        A_hat = self.A_hat.to(x.dtype)
        h = F.relu(self.conv1(x, A_hat))
        return self.conv2(h, A_hat)


def make_optimizer(model, lr=0.05, momentum=0.9, weight_decay=5e-3):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum, weight_decay=weight_decay)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits[model.train_mask], y[model.train_mask])
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(HERE, "gcn.npz"))
    X, y = torch.from_numpy(data["X"]), torch.from_numpy(data["y"])
    model = GCN()
    optimizer = make_optimizer(model)
    for step in range(100):
        loss = train_step(model, optimizer, X, y)
        if step % 10 == 0:
            print(f"step {step:3d}  loss {loss:.4f}")
