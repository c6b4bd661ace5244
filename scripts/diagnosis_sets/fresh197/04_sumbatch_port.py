import torch
import torch.nn as nn

M_PLUS, M_MINUS, LAM = 0.9, 0.1, 0.5
EPS = 1e-7


def squash(s, dim=-1):
    n2 = (s * s).sum(dim=dim, keepdim=True)
    return n2 / (1 + n2) * s / torch.sqrt(n2 + EPS)


class CapsMLP(nn.Module):
    def __init__(self, n_in=10, n_hidden=24, n_prim=6, d_prim=4, n_cls=4, d_cls=5):
        super().__init__()
        self.n_prim, self.d_prim = n_prim, d_prim
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.prim = nn.Linear(n_hidden, n_prim * d_prim)
        self.Wc = nn.Parameter(0.5 * torch.randn(n_prim, n_cls, d_prim, d_cls))

    def forward(self, x):
        h = torch.relu(self.fc1(x))
        u = self.prim(h).view(x.shape[0], self.n_prim, self.d_prim)
        u = squash(u)
        u_hat = torch.einsum("nid,ijde->nije", u, self.Wc)
        s = u_hat.mean(dim=1)          # fixed uniform coupling 1/n_prim
        v = squash(s)
        return torch.sqrt((v * v).sum(dim=-1) + EPS)


def margin_loss(lengths, y):
    T = torch.nn.functional.one_hot(y, lengths.shape[1]).to(lengths.dtype)
    present = T * torch.clamp(M_PLUS - lengths, min=0) ** 2
    absent = LAM * (1 - T) * torch.clamp(lengths - M_MINUS, min=0) ** 2
    return (present + absent).sum()


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = margin_loss(model(X), y.long())
    loss.backward()
    optimizer.step()
    return loss.item()
