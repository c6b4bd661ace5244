"""PyTorch port of lora_numpy.py: a frozen linear layer with a LoRA adapter, a max-norm head.

    LoRALinear: weight W0 and bias b0 kept as buffers (frozen), lora_A (4, 8),
    lora_B (16, 4) parameters; forward F.linear(X, W0 + (alpha / r) * B @ A, b0).
    head: nn.Linear(16, 4), its weight (4, 16) renormalised row by row to norm
    <= 0.8 under torch.no_grad() after every optimizer.step().

Parameters (model.named_parameters()), with the NumPy names they correspond to:
    lora.lora_A  (4, 8)   = A
    lora.lora_B  (16, 4)  = B
    head.weight  (4, 16)  = W2.T
    head.bias    (4,)     = b2
torch.optim.Adam(lr=0.01), nn.MSELoss().
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))


class LoRALinear(nn.Module):
    def __init__(self, W0, b0, A, rank=4, alpha=8.0):
        super().__init__()
        self.register_buffer("W0", torch.as_tensor(W0))
        self.register_buffer("b0", torch.as_tensor(b0))
        self.lora_A = nn.Parameter(torch.as_tensor(A).clone())
        self.lora_B = nn.Parameter(torch.zeros(W0.shape[0], rank))
        self.scaling = alpha / rank

    def forward(self, x):
        return F.linear(x, self.W0 + self.scaling * (self.lora_B @ self.lora_A), self.b0)


class LoRANet(nn.Module):
    def __init__(self, rank=4, alpha=8.0, n_out=4, max_norm=0.8):
        super().__init__()
        init = np.load(os.path.join(HERE, "lora_init.npz"))
        self.lora = LoRALinear(init["W0"], init["b0"], init["A"], rank, alpha)
        self.head = nn.Linear(init["W0"].shape[0], n_out)
        self.max_norm = max_norm

    def forward(self, X):
        return self.head(torch.tanh(self.lora(X)))

    @torch.no_grad()
    def apply_max_norm(self):
        w = self.head.weight
        norms = w.norm(dim=1, keepdim=True)
        w.mul_(torch.clamp(self.max_norm / norms, max=1.0))


criterion = nn.MSELoss()


def make_optimizer(model, lr=0.01):
    return torch.optim.Adam(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = criterion(model(X), y)
    loss.backward()
    model.apply_max_norm()  # fix: move this line after optimizer.step()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(HERE, "lora.npz"))
    X, y = torch.from_numpy(data["X"]), torch.from_numpy(data["y"])
    model = LoRANet()
    optimizer = make_optimizer(model)
    for step in range(100):
        loss = train_step(model, optimizer, X, y)
        if step % 20 == 0:
            print(step, loss, model.head.weight.norm(dim=1))
