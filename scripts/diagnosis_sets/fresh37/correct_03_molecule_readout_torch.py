"""MoleculeGIN in PyTorch, PyG-style: the batch of small graphs flattened into one disjoint
graph (node ids offset per graph, edges from the adjacency's nonzeros), the neighbours' sum
by index_add_ along the edges, the sum read-out by index_add_ over a batch vector
(global_add_pool); nn.Linear layers, ReLU, F.cross_entropy, SGD(momentum=0.9, nesterov=True)."""

import torch
import torch.nn.functional as F
from torch import nn

LR, MU = 0.05, 0.9


class MoleculeGIN(nn.Module):
    def __init__(self, n_feat=3, hidden=6, n_out=2):
        super().__init__()
        self.mlp = nn.Linear(n_feat, hidden)
        self.classifier = nn.Linear(hidden, n_out)

    def forward(self, graphs):
        n_graphs, n_nodes = graphs.shape[:2]
        adj, x = graphs[:, :, :n_nodes], graphs[:, :, n_nodes:].reshape(n_graphs * n_nodes, -1)
        g, i, j = adj.nonzero(as_tuple=True)
        target, source = g * n_nodes + i, g * n_nodes + j
        batch = torch.arange(n_graphs).repeat_interleave(n_nodes)
        m = x + torch.zeros_like(x).index_add_(0, target, x[source])
        h = F.relu(self.mlp(m))
        pooled = torch.zeros(n_graphs, h.shape[1], dtype=h.dtype).index_add_(0, batch, h)
        return self.classifier(pooled)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU, nesterov=True)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
