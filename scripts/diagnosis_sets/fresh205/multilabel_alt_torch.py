"""Another port of multilabel_numpy.py: the weights as bare nn.Parameters kept (in, out) like the
NumPy program, the weighted binary cross-entropy written out with F.logsigmoid, and
torch.optim.Adagrad with weight decay."""

import torch
import torch.nn as nn
import torch.nn.functional as F


class MultiLabelParams(nn.Module):
    def __init__(self, n_in=8, hidden=20, n_labels=5,
                 pos_weight=(1.1, 2.6, 2.6, 0.55, 5.7)):
        super().__init__()
        self.W1 = nn.Parameter(torch.randn(n_in, hidden) * 0.3)
        self.b1 = nn.Parameter(torch.zeros(hidden))
        self.W2 = nn.Parameter(torch.randn(hidden, n_labels) * 0.2)
        self.b2 = nn.Parameter(torch.zeros(n_labels))
        self.register_buffer("pos_weight", torch.tensor(pos_weight))

    def forward(self, x):
        h = F.relu(x @ self.W1 + self.b1)
        return torch.addmm(self.b2, h, self.W2)

    def weighted_bce(self, logits, y):
        pos = self.pos_weight * y * F.logsigmoid(logits)
        neg = (1 - y) * F.logsigmoid(-logits)
        return -(pos + neg).mean()


def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=0.1, weight_decay=1e-3, eps=1e-10)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    loss = model.weighted_bce(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
