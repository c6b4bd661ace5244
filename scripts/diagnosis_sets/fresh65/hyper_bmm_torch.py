"""HyperNetFlat in PyTorch: the hypernetwork as raw Parameters in the (in, out) layout used with
torch.addmm, the generated weights reshaped to (n, 4, 3) and applied with torch.bmm on (n, 1, 4)
rows, the loss as F.nll_loss on F.log_softmax, SGD built in train_step's caller."""

import torch
import torch.nn.functional as F
from torch import nn

DIN, DOUT, DZ, HID = 4, 3, 2, 5


class HyperNetFlat(nn.Module):
    def __init__(self):
        super().__init__()
        self.H1 = nn.Parameter(torch.zeros(DZ, HID))
        self.c1 = nn.Parameter(torch.zeros(HID))
        self.H2 = nn.Parameter(torch.zeros(HID, DIN * DOUT))
        self.c2 = nn.Parameter(torch.zeros(DIN * DOUT))
        self.b = nn.Parameter(torch.zeros(DOUT))

    def forward(self, x, z):
        a = torch.tanh(torch.addmm(self.c1, z, self.H1))
        W = torch.addmm(self.c2, a, self.H2).reshape(x.shape[0], DIN, DOUT)
        return torch.bmm(x.unsqueeze(1), W).squeeze(1) + self.b


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logp = F.log_softmax(model(X[:, :DIN], X[:, DIN:]), dim=1)
    loss = F.nll_loss(logp, y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
