"""The membrane-readout network of mem_numpy.py ported another way: raw nn.Parameters in the
NumPy (in, out) layout, the input current for all time steps computed in one matmul, the spike
written as the straight-through idiom heaviside + sg - sg.detach() with sg = sigmoid(K (v - thr))
(its derivative, K sigma (1 - sigma), is the surrogate), the reset gate from the previous spike
under torch.no_grad, the readout averaged by a running sum, F.mse_loss(reduction='sum') divided
by the batch size, SGD with momentum (foreach=False)."""

import torch
import torch.nn.functional as F
from torch import nn

N_IN, N_HID, N_CLS = 6, 20, 3
LEAK, READ_LEAK, V_TH, STEEP = 0.8, 0.7, 1.0, 4.0


class MembraneReadoutSTE(nn.Module):
    def __init__(self):
        super().__init__()
        self.W1 = nn.Parameter(torch.randn(N_IN, N_HID) * 0.5)
        self.b1 = nn.Parameter(torch.zeros(N_HID))
        self.W2 = nn.Parameter(torch.randn(N_HID, N_CLS) * 0.3)
        self.b2 = nn.Parameter(torch.zeros(N_CLS))

    def forward(self, X):
        n, T, _ = X.shape
        current = torch.matmul(X, self.W1) + self.b1
        v = torch.zeros_like(current[:, 0])
        keep = torch.ones_like(v)
        u = X.new_zeros(n, N_CLS)
        total = torch.zeros_like(u)
        for t in range(T):
            v = LEAK * v * keep + current[:, t]
            sg = torch.sigmoid(STEEP * (v - V_TH))
            with torch.no_grad():
                heav = torch.gt(v, V_TH).to(v.dtype)
                keep = 1.0 - heav
            s = heav + (sg - sg.detach())
            u = READ_LEAK * u + s @ self.W2 + self.b2
            total = total + u
        return total / T


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, foreach=False)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    loss = F.mse_loss(model(X), y, reduction="sum") / X.shape[0]
    loss.backward()
    optimizer.step()
    return loss.item()
