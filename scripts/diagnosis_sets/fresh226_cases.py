"""Held-out diagnosis set fresh226: center loss beside softmax cross-entropy.

Theme: center loss (Wen et al. 2016) beside softmax cross-entropy on a small
embedding MLP. Class centres are kept beside the weights and moved by their
own rule, c_j -= alpha * sum_{i: y_i = j} (c_j - x_i) / (1 + n_j), not by the
optimizer; the loss is CE + lambda/2 * (sum or mean) of ||x_i - c_{y_i}||^2;
the class ids y are integers.

Base pair A (a_numpy.py:CenterLossNet, a_torch.py:CenterLossNet, data a.npz,
36 rows, 5 features, 3 classes): 5 -> 8 ReLU -> 2 (embedding) -> 3 logits
with bias; loss mean cross-entropy + 0.01/2 * SUM_i ||x_i - c_{y_i}||^2; weights
by SGD with momentum 0.9 at lr 0.1 (torch's form v = mu v + g, W -= lr v);
centres (3, 2), alpha 0.5. In the port the centres are an nn.Parameter in their
own optimizer group (lr=alpha, momentum 0) whose .grad is written by hand with
the rule's move; the NumPy program exposes that move as grads['centers'].

Base pair B (b_numpy.py:CosineCenterNet, b_torch.py:CosineCenterNet, data
b.npz, 30 rows, 6 features, 3 classes): 6 -> 10 tanh -> 4 (embedding x) ->
normalised cosine head, logits = 5 * (x/||x||) @ (W/||W|| per class), no bias;
loss mean cross-entropy + 0.2/2 * MEAN_i ||x_i - c_{y_i}||^2; weights by Adam
(lr 0.01, betas 0.9/0.999, eps 1e-8); centres (3, 4), alpha 0.5, moved after
the Adam step. In the port the centres are a registered buffer moved by hand
under torch.no_grad() (not paired: they are seen through the loss and the
embedding gradients).

Written without reading the kit's diagnosis rules, findings or measurements, nor any other set; validated by exit status alone (each bug exits 1 and its fixed copy exits 0 under the same arguments; each base pair and each correct variant exits 0).

Data: scripts/diagnosis_sets/fresh226/make_data.py (seed 226) writes a.npz and b.npz.
"""

F = "scripts/diagnosis_sets/fresh226/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]

_A_PARAMS = [
    "params['W1']=fc1.weight.T", "params['b1']=fc1.bias",
    "params['W2']=fc2.weight.T", "params['b2']=fc2.bias",
    "params['W3']=fc3.weight.T", "params['b3']=fc3.bias",
]
_B_PARAMS = [
    "params['W1']=fc1.weight.T", "params['b1']=fc1.bias",
    "params['W2']=fc2.weight.T", "params['b2']=fc2.bias",
    "params['W3']=proto.T",
]


def _args(numpy, port, data, params):
    out = [F + numpy, "--torch", F + port, "--data", F + data, "--as-written"]
    for p in params:
        out += ["--param", p]
    return out + RUN


def base_a(numpy="a_numpy.py", port="a_torch.py", numpy_class="CenterLossNet",
           torch_class="CenterLossNet", params=None, centers=True):
    """Pair A's arguments; centers=False for a port keeping the centres as a buffer."""
    params = list(_A_PARAMS if params is None else params)
    if centers:
        params.append("centers=centers")
    return _args(numpy + ":" + numpy_class, port + ":" + torch_class, "a.npz", params)


def base_b(numpy="b_numpy.py", port="b_torch.py", numpy_class="CosineCenterNet",
           torch_class="CosineCenterNet", params=None):
    """Pair B's arguments."""
    params = list(_B_PARAMS if params is None else params)
    return _args(numpy + ":" + numpy_class, port + ":" + torch_class, "b.npz", params)


CASES = [
    # ---- PyTorch-port bugs, checked against the correct NumPy program
    {"id": "WR01", "side": "port", "args": base_a(port="01_mseloss_port.py"),
     "mechanism": "the center term written as lam/2 * F.mse_loss(emb, centers[y]) (default reduction='mean', over all N*2 elements) where the NumPy program sums the squared distances: the center term and its embedding gradient are 1/72 of the intended",
     "expected": ("mse_loss", "reduction", "mean", "sum", "center")},
    {"id": "WR02", "side": "port", "args": base_a(port="02_centermomentum_port.py"),
     "mechanism": "the centres' own param group leaves out momentum=0, so it inherits the optimizer's momentum 0.9: the centres' hand-written move accumulates in a momentum buffer",
     "expected": ("momentum", "centers", "param group", "momentum_buffer")},
    {"id": "WR03", "side": "port", "args": base_a(port="03_centersign_port.py"),
     "mechanism": "the centre move written as sum(x_i - c_j)/(1+n_j) instead of sum(c_j - x_i)/(1+n_j): wrong sign, the centres move away from their class's embeddings",
     "expected": ("sign", "centers", "update", "negated")},
    {"id": "WR04", "side": "port", "args": base_a(port="04_doublesoftmax_port.py"),
     "mechanism": "forward returns F.softmax(logits) and F.cross_entropy applies log_softmax again: softmax taken twice, the logits' loss and gradient are wrong",
     "expected": ("softmax", "cross_entropy", "logits", "twice")},
    {"id": "WR05", "side": "port", "args": base_b(port="05_normaxis_port.py"),
     "mechanism": "the cosine head's class weights normalised over the wrong axis, F.normalize(proto, dim=0) (per embedding coordinate across classes) instead of dim=1 (each class vector to unit norm)",
     "expected": ("normalize", "dim", "axis", "proto", "cosine")},
    {"id": "WR06", "side": "port", "args": base_b(port="06_adamw_port.py"),
     "mechanism": "torch.optim.AdamW instead of Adam: its default weight_decay=0.01 shrinks every parameter by lr*0.01 each step (decoupled weight decay) that the NumPy Adam never applies",
     "expected": ("adamw", "weight_decay", "weight decay", "decoupled")},
    {"id": "WR07", "side": "port", "args": base_b(port="07_detach_port.py"),
     "mechanism": "the center term computed on emb.detach(): the loss value is right but no center-loss gradient lam*(x - c)/N reaches the embedding layer and the layers below",
     "expected": ("detach", "center", "gradient", "emb")},
    {"id": "WR08", "side": "port", "args": base_b(port="08_countdenom_port.py"),
     "mechanism": "the centre move divided by n_j instead of 1 + n_j: the class's mean difference, a larger step that puts each centre at alpha of the way to its class mean",
     "expected": ("count", "1 + n", "denominator", "centers")},
    # ---- NumPy bugs, checked against the correct port
    {"id": "WR09", "side": "numpy", "args": base_a(numpy="09_nocentergrad_numpy.py"),
     "mechanism": "the backward leaves the center term out of the embedding gradient: demb = dlogits @ W3.T without + lam * (x - c_y), so W2, b2, W1, b1 get only the cross-entropy gradient",
     "expected": ("center", "backward", "missing", "term", "w2")},
    {"id": "WR10", "side": "numpy", "args": base_a(numpy="10_velocitylost_numpy.py"),
     "mechanism": "the momentum velocity rebound to a new local array (v = mu * v + g) and never stored back: the velocity stays zero, each step is plain SGD lr*g",
     "expected": ("velocity", "momentum", "momentum_buffer", "state")},
    {"id": "WR11", "side": "numpy", "args": base_a(numpy="11_cenotmean_numpy.py"),
     "mechanism": "the cross-entropy gradient written p - onehot without the 1/N of the mean loss: the CE part of every gradient N=36 times too large, the center part right",
     "expected": ("1/n", "mean", "batch", "cross-entropy", "scale")},
    {"id": "WR12", "side": "numpy", "args": base_a(numpy="12_centersoptimized_numpy.py"),
     "mechanism": "the centres also stepped by the loss's own gradient (-lam * sum(x - c)) at the weights' lr before their own rule: an extra term in the centres' update",
     "expected": ("centers", "update", "extra", "gradient")},
    {"id": "WR13", "side": "numpy", "args": base_b(numpy="13_normjacobian_numpy.py"),
     "mechanism": "the backward of x/||x|| taken as du/||x|| without the projection term - u (u . du): the normalisation's Jacobian (I - u u^T)/||x|| missing its second part, wrong embedding gradients",
     "expected": ("normalize", "jacobian", "projection", "norm", "backward")},
    {"id": "WR14", "side": "numpy", "args": base_b(numpy="14_vhat_numpy.py"),
     "mechanism": "Adam's denominator uses sqrt(v) instead of sqrt(v_hat): the second-moment bias correction left out, steps about 1/sqrt(1 - beta2^t) too large early",
     "expected": ("bias correction", "adam", "exp_avg_sq", "v_hat")},
    {"id": "WR15", "side": "numpy", "args": base_b(numpy="15_centermean_numpy.py"),
     "mechanism": "the center term is a mean over rows in the loss but its gradient lam*(x - c) is not divided by N in the backward: the center part of the embedding gradient 30 times too large",
     "expected": ("center", "mean", "1/n", "backward", "gradient")},
    {"id": "WR16", "side": "numpy", "args": base_b(numpy="16_tanhderiv_numpy.py"),
     "mechanism": "tanh derivative taken as 1 - z^2 of the pre-activation instead of 1 - tanh(z)^2 of the activation, in the hidden layer (W1, b1 gradients)",
     "expected": ("tanh", "derivative", "activation", "w1")},
    # ---- correct variants
    {"id": "WR17", "side": "correct",
     "args": base_a(numpy="17_outin_numpy.py", numpy_class="CenterNetOI",
                    params=["params['W1']=fc1.weight", "params['b1']=fc1.bias",
                            "params['W2']=fc2.weight", "params['b2']=fc2.bias",
                            "params['W3']=fc3.weight", "params['b3']=fc3.bias"]),
     "mechanism": "NumPy program A with every weight kept (out, in) as torch keeps it (paired without .T), the CE by log-sum-exp, the centres moved class by class in a loop: the same math",
     "expected": ()},
    {"id": "WR18", "side": "correct",
     "args": base_b(port="18_linearhead_port.py", torch_class="CosHeadNet",
                    params=["params['W1']=body.0.weight.T", "params['b1']=body.0.bias",
                            "params['W2']=body.2.weight.T", "params['b2']=body.2.bias",
                            "params['W3']=head.weight.T"]),
     "mechanism": "port B with an nn.Sequential body, the cosine head as an nn.Linear without bias normalised inside F.linear, nll_loss(log_softmax), the centres gathered by index_select and summed by index_add_: the same math",
     "expected": ()},
    {"id": "WR19", "side": "correct",
     "args": base_a(port="19_bufferport_port.py", torch_class="CenterPort", centers=False),
     "mechanism": "port A with the centres a registered buffer moved by hand under torch.no_grad() after the SGD step (not a parameter in its own group), the CE as a gather of log_softmax: the same math",
     "expected": ()},
]
