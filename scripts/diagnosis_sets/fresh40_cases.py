"""Fortieth fresh held-out set for the diagnosis: one planted bug per program in fresh40/ (eight
PyTorch ports, all eight checked against a NumPy program of their own, and eight NumPy programs,
all eight checked against a correct port of their own) and three correct pairs in unusual styles.
The theme is attention and transformer blocks written from scratch in NumPy and ported to
PyTorch: scaled dot-product attention with one or two heads (the split into heads and the merge
back), padding and causal masks (np.where, masked_fill, key_padding_mask, a float attn_mask,
F.scaled_dot_product_attention's is_causal and scale), residual connections around attention and
a feed-forward block with pre-LN and post-LN layer norms, sinusoidal and learned positional
encodings, masked mean pooling and first-token pooling, nn.MultiheadAttention's packed
in-projection and nn.TransformerEncoderLayer. The kit's own dense network has no place for
attention, so every case is a pair run as written (--as-written), its parameters paired with
--param. fresh40/make_data.py writes the data (padded token ids, causal per-position regression,
frame sequences).
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh40_cases

Each case:
    id          short name (prefixed PN; PNC for the correct programs)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). The mechanisms differ from those
of the development set (cases.py), fresh/, fresh2/, ..., fresh38/ (the attention slips already
there, K Q^T for Q K^T, a mask applied after the softmax, a discarded masked_fill, a mask
multiplied into the scores, positions looked up by token id, are not repeated). Each buggy
program was checked to fail (exit 1) and its fix (the bug line the only difference, written in
its `# fix:` comment) to pass (exit 0) under the same arguments; each correct program passes
(exit 0).
"""

from case_args import in_folder

F = "scripts/diagnosis_sets/fresh40/"
port, numpy_net = in_folder(F)

PADDED, CAUSAL, FRAMES = F + "padded.npz", F + "causal.npz", F + "frames.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


# padded token sequences, separate q/k/v projections (PaddedAttention)
SEP_PARAMS = params("params['E']=emb.weight", "params['P']=pos", "params['Wq']=q_proj.weight.T",
                    "params['Wk']=k_proj.weight.T", "params['Wv']=v_proj.weight.T", "params['Wo']=out_proj.weight.T",
                    "params['bo']=out_proj.bias", "params['Wc']=classifier.weight.T", "params['bc']=classifier.bias")
# padded token sequences, one packed in-projection (PaddedMHA)
MHA_PARAMS = params("params['E']=emb.weight", "params['P']=pos", "params['W_in']=attn.in_proj_weight.T",
                    "params['b_in']=attn.in_proj_bias", "params['W_out']=attn.out_proj.weight.T",
                    "params['b_out']=attn.out_proj.bias", "params['Wc']=classifier.weight.T",
                    "params['bc']=classifier.bias")
FUSED_PARAMS = params("params['E']=emb.weight", "params['P']=pos", "params['W_in']=qkv.weight.T",
                      "params['b_in']=qkv.bias", "params['W_out']=proj.weight.T", "params['b_out']=proj.bias",
                      "params['Wc']=classifier.weight.T", "params['bc']=classifier.bias")
# causal per-position regression, one head (CausalRegressor)
CAUSAL_PARAMS = params("params['W_emb']=embed.weight.T", "params['b_emb']=embed.bias", "params['Wq']=query.weight.T",
                       "params['Wk']=key.weight.T", "params['Wv']=value.weight.T", "params['Wo']=proj.weight.T",
                       "params['bo']=proj.bias", "params['Wr']=readout.weight.T", "params['br']=readout.bias")
# causal per-position regression, two heads, packed in-projection (CausalMHA)
CMHA_PARAMS = params("params['W_emb']=embed.weight.T", "params['b_emb']=embed.bias",
                     "params['W_in']=attn.in_proj_weight.T", "params['b_in']=attn.in_proj_bias",
                     "params['W_out']=attn.out_proj.weight.T", "params['b_out']=attn.out_proj.bias",
                     "params['Wr']=readout.weight.T", "params['br']=readout.bias")
SDPA_PARAMS = params("params['W_emb']=embed.weight.T", "params['b_emb']=embed.bias", "params['W_in']=in_proj.weight.T",
                     "params['b_in']=in_proj.bias", "params['W_out']=out_proj.weight.T", "params['b_out']=out_proj.bias",
                     "params['Wr']=readout.weight.T", "params['br']=readout.bias")


def block_params(attn: str, ln1: str, ln2: str, ff1: str, ff2: str) -> list[str]:
    """A transformer block classifier (PreNormBlock / PostNormBlock) against its port's modules."""
    return params("params['W_emb']=embed.weight.T", "params['b_emb']=embed.bias", "params['P']=pos",
                  f"params['g1']={ln1}.weight", f"params['b1']={ln1}.bias",
                  f"params['W_in']={attn}.in_proj_weight.T", f"params['b_in']={attn}.in_proj_bias",
                  f"params['W_out']={attn}.out_proj.weight.T", f"params['b_out']={attn}.out_proj.bias",
                  f"params['g2']={ln2}.weight", f"params['b2']={ln2}.bias",
                  f"params['W1']={ff1}.weight.T", f"params['c1']={ff1}.bias",
                  f"params['W2']={ff2}.weight.T", f"params['c2']={ff2}.bias",
                  "params['Wc']=head.weight.T", "params['bc']=head.bias")


HAND_BLOCK = block_params("attn", "ln1", "ln2", "ff.0", "ff.2")
LAYER_BLOCK = block_params("block.self_attn", "block.norm1", "block.norm2", "block.linear1", "block.linear2")


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="PN01_padded_heads", side="port",
         args=pair("01_padded_heads_numpy.py", "PaddedAttention", "01_padded_heads_torch.py", "PaddedAttention",
                   "--data", PADDED, "--batch-size", "8", *SEP_PARAMS),
         mechanism="pair: the port splits the (n, 5, 8) projections into heads with t.view(n, H, T, DH) instead of "
                   "t.view(n, T, H, DH).transpose(1, 2): the rows are re-read in memory order, so head h's 'position' t "
                   "holds half of token (5h + t) // 2's 8 features instead of token t's 4 columns of head h; the "
                   "queries, keys, values and the per-position padding mask no longer line up with the tokens (the "
                   "merge back, transpose(1, 2).reshape, is right)",
         expected=("view(n, h, t", "view(n, t, h", "transpose(1, 2)", "split heads", "split_heads",
                   "splitting the heads", "head split", "reshape", "memory order", "without the transpose",
                   "missing transpose", "heads", "scrambled", "tokens mixed", "wrong token")),
    dict(id="PN02_padded_mha", side="port",
         args=pair("02_padded_mha_numpy.py", "PaddedMHA", "02_padded_mha_torch.py", "PaddedMHA",
                   "--data", PADDED, "--batch-size", "8", *MHA_PARAMS),
         mechanism="pair: the port builds attention_mask = tokens != PAD (Hugging Face's convention, True/1 = attend) "
                   "and passes it as nn.MultiheadAttention's key_padding_mask, where True marks a key to ignore: the "
                   "padding mask is inverted, every query attends only to the padding positions (every row has at "
                   "least one) and never to the real tokens (key_padding_mask=~attention_mask meant)",
         expected=("key_padding_mask", "padding mask", "inverted mask", "mask inverted", "mask is inverted",
                   "polarity", "~attention_mask", "true means ignore", "true = ignore", "attends to the padding",
                   "padding positions", "padding tokens", "attention_mask", "hugging face", "opposite convention")),
    dict(id="PN03_fused_qkv", side="port",
         args=pair("03_fused_qkv_numpy.py", "PaddedMHA", "03_fused_qkv_torch.py", "PaddedMHA",
                   "--data", PADDED, "--batch-size", "8", *FUSED_PARAMS),
         mechanism="pair: the port's fused nn.Linear(8, 24) output, packed [q | k | v] in blocks like the NumPy "
                   "program's W_in columns, is viewed as (n, T, H, 3, DH) (the per-head interleaved, Megatron-style "
                   "packing) and permuted, instead of (n, T, 3, H, DH): q takes columns 0-3 and 12-15, k 4-7 and "
                   "16-19, v 8-11 and 20-23 instead of q 0-7, k 8-15, v 16-23, so queries, keys and values are each "
                   "made from the wrong projection columns",
         expected=("qkv", "packed", "packing", "in_proj", "fused", "interleav", "view(n, t, 3, h", "view(n, t, h, 3",
                   "(3, h", "(h, 3", "megatron", "chunk", "q, k, v", "queries, keys and values", "projection columns")),
    dict(id="PN04_padded_scale", side="port",
         args=pair("04_padded_scale_numpy.py", "PaddedAttention", "04_padded_scale_torch.py", "PaddedAttention",
                   "--data", PADDED, "--batch-size", "8", *SEP_PARAMS),
         mechanism="pair: the port's two-head attention divides the scores by math.sqrt(D) = sqrt(8), the model "
                   "width, instead of math.sqrt(DH) = sqrt(4) = 2, the head width: every score is 1/sqrt(2) = 0.707 "
                   "times the NumPy program's (a softmax temperature sqrt(2) too high, flatter attention), and the "
                   "gradients through the scores are scaled alike",
         expected=("sqrt(d)", "sqrt(d_model)", "sqrt(dh)", "sqrt(d_head)", "d_k", "head dimension", "head width",
                   "model width", "d_model", "temperature", "1/sqrt(2)", "0.707", "sqrt(2)", "flatter",
                   "attention scores")),
    dict(id="PN05_causal_mha", side="port",
         args=pair("05_causal_mha_numpy.py", "CausalMHA", "05_causal_mha_torch.py", "CausalMHA",
                   "--data", CAUSAL, *CMHA_PARAMS),
         mechanism="pair: the port passes nn.MultiheadAttention attn_mask=self.tril, the float lower-triangular "
                   "ones buffer of Karpathy's GPT (1 = allowed), where a float attn_mask is added to the scores: the "
                   "past and present get +1 and the future +0 instead of -inf, so nothing is masked, every position "
                   "attends to the later ones (a boolean mask, self.tril == 0 with True = not allowed, meant)",
         expected=("attn_mask", "float mask", "additive", "added to the scores", "boolean mask", "tril",
                   "causal mask", "causal", "not masked", "no masking", "future", "-inf", "lower-triangular",
                   "look-ahead", "self.tril == 0")),
    dict(id="PN06_causal_sdpa", side="port",
         args=pair("06_causal_sdpa_numpy.py", "CausalMHA", "06_causal_sdpa_torch.py", "CausalMHA",
                   "--data", CAUSAL, *SDPA_PARAMS),
         mechanism="pair: the port calls F.scaled_dot_product_attention(q, k, v, is_causal=True, scale=math.sqrt(DH)), "
                   "reading scale as the divisor; SDPA multiplies the scores by scale (default 1 / sqrt(E)), so "
                   "q.k is multiplied by 2 instead of divided by 2: the attention logits are 4 times the NumPy "
                   "program's (a sharper softmax, temperature 1/4)",
         expected=("scaled_dot_product_attention", "sdpa", "scale=", "scale argument", "scale parameter", "1/sqrt",
                   "1 / sqrt", "sqrt(dh)", "sqrt(d", "temperature", "sharper", "instead of divided",
                   "attention logits")),
    dict(id="PN07_causal_sinusoid", side="port",
         args=pair("07_causal_sinusoid_numpy.py", "CausalRegressor", "07_causal_sinusoid_torch.py", "CausalRegressor",
                   "--data", CAUSAL, "--batch-size", "12", *CAUSAL_PARAMS),
         mechanism="pair: the port's sinusoidal positional encoding concatenates the halves, torch.cat([sin(pos w), "
                   "cos(pos w)], dim=1) (the tensor2tensor layout), where the NumPy program interleaves them (sin in "
                   "the even columns, cos in the odd, the paper's PE(pos, 2i) and PE(pos, 2i+1)): the same 8 values "
                   "per position in another column order (only columns 0 and 7 agree), so every position adds a "
                   "different vector to its embedded inputs",
         expected=("positional encoding", "positional", "sinusoid", "interleav", "concatenat", "torch.cat", "0::2",
                   "1::2", "even columns", "odd columns", "halves", "column order", "sin and cos", "tensor2tensor")),
    dict(id="PN08_prenorm_block", side="port",
         args=pair("08_prenorm_block_numpy.py", "PreNormBlock", "08_prenorm_block_torch.py", "PreNormBlock",
                   "--data", FRAMES, "--batch-size", "8", *HAND_BLOCK),
         mechanism="pair: the port's pre-LN attention sublayer is written x = self.ln1(x) + self.sa(self.ln1(x)): "
                   "the residual (skip) branch carries the layer-normalised ln1(x) instead of the raw residual stream "
                   "x (x = x + self.sa(self.ln1(x)) meant), so the block's first output is LN1(x) + attention and the "
                   "skip path's gradient to the embedding and positions goes through LN1; the feed-forward sublayer "
                   "is right",
         expected=("pre-ln", "pre-norm", "prenorm", "residual connection", "residual stream", "residual branch",
                   "skip connection", "skip path", "shortcut", "identity path", "layer norm", "layernorm", "ln1",
                   "normalised x", "normalized x", "normalized input", "sublayer")),
    # ------------------------------------------------------------------ NumPy programs
    dict(id="PN09_padded_query_mask", side="numpy",
         args=pair("09_padded_query_mask_numpy.py", "PaddedAttention", "09_padded_query_mask_torch.py",
                   "PaddedAttention", "--data", PADDED, "--batch-size", "8", *SEP_PARAMS),
         mechanism="pair: the padding mask is broadcast as self.mask[:, None, :, None], over the query axis, instead "
                   "of [:, None, None, :], over the keys: np.where keeps every key's score for the real queries, so "
                   "the real tokens attend to the padding positions too, and sets the pad queries' whole rows to -1e9 "
                   "(uniform there); the port masks the padding keys",
         expected=("query axis", "queries", "key axis", "keys", "[:, none, none, :]", "[:, none, :, none]",
                   "padding mask", "rows instead of columns", "wrong axis", "attend to the padding",
                   "padding positions", "pad queries", "padding keys")),
    dict(id="PN10_padded_merge", side="numpy",
         args=pair("10_padded_merge_numpy.py", "PaddedAttention", "10_padded_merge_torch.py", "PaddedAttention",
                   "--data", PADDED, "--batch-size", "8", *SEP_PARAMS),
         mechanism="pair: merge_heads reshapes the (n, H, T, DH) head outputs straight to (n, T, D) without the "
                   "transpose(0, 2, 1, 3) back: token t's 8 features are elements 8t..8t+7 of the head-major block, "
                   "the outputs of positions 2t mod 5 and 2t + 1 mod 5 of heads 2t // 5 and (2t + 1) // 5 instead "
                   "of both heads at position t; the same wrong merge turns dq, dk, dv into dQ, dK, dV in the "
                   "backward pass (whose split of the output gradient is the correct inverse)",
         expected=("merge_heads", "merge", "concatenat", "transpose(0, 2, 1, 3)", "reshape", "without transposing",
                   "without the transpose", "missing transpose", "heads", "memory order", "scrambled", "head-major",
                   "combine heads")),
    dict(id="PN11_causal_softmax_axis", side="numpy",
         args=pair("11_causal_softmax_axis_numpy.py", "CausalRegressor", "11_causal_softmax_axis_torch.py",
                   "CausalRegressor", "--data", CAUSAL, "--batch-size", "12", *CAUSAL_PARAMS),
         mechanism="pair: the attention softmax is taken with softmax(S, axis=1) on the (n, T_query, T_key) scores, "
                   "over the queries (each key's column sums to one) instead of axis=-1 over the keys (each query's "
                   "row); the masked future entries stay at zero, and the backward pass is the row softmax's",
         expected=("axis=1", "axis=-1", "axis 1", "query axis", "queries", "over the keys", "key axis", "wrong axis",
                   "softmax axis", "softmax over", "sums to one", "sum to one", "each column", "instead of rows")),
    dict(id="PN12_causal_triangle", side="numpy",
         args=pair("12_causal_triangle_numpy.py", "CausalRegressor", "12_causal_triangle_torch.py", "CausalRegressor",
                   "--data", CAUSAL, "--batch-size", "12", *CAUSAL_PARAMS),
         mechanism="pair: the future mask is built np.tril(ones, k=-1), the strict lower triangle (the past), "
                   "instead of np.triu(ones, k=1), the strict upper triangle (the future): the past scores are set to "
                   "-1e9, so each position attends to itself and the later positions (anti-causal; the last position "
                   "only to itself)",
         expected=("tril", "triu", "triangle", "triangular", "lower triangle", "upper triangle", "k=-1", "k=1",
                   "anti-causal", "the past", "future", "causal mask", "causal", "wrong triangle", "later positions")),
    dict(id="PN13_causal_diagonal", side="numpy",
         args=pair("13_causal_diagonal_numpy.py", "CausalRegressor", "13_causal_diagonal_torch.py", "CausalRegressor",
                   "--data", CAUSAL, "--batch-size", "12", *CAUSAL_PARAMS),
         mechanism="pair: the future mask is np.triu(np.ones((T, T), dtype=bool)) with the default k=0, which includes "
                   "the diagonal: no position may attend to itself, position t attends to 0..t-1 only, and the first "
                   "position, with every score at -1e9, gets a uniform softmax over all 5 positions (the future "
                   "included); k=1 meant",
         expected=("diagonal", "k=0", "k=1", "triu", "itself", "own position", "default k", "first position",
                   "causal mask", "off by one", "off-by-one", "attend to itself", "strictly")),
    dict(id="PN14_causal_frequency", side="numpy",
         args=pair("14_causal_frequency_numpy.py", "CausalRegressor", "14_causal_frequency_torch.py",
                   "CausalRegressor", "--data", CAUSAL, "--batch-size", "12", *CAUSAL_PARAMS),
         mechanism="pair: the sinusoid's wavelengths are 10000 ** (2 * i / d) with i = np.arange(0, d, 2), which "
                   "already holds 2i (the paper's 2i / d_model doubled): the frequencies are 1, 1/100, 1/10^4, 1/10^6 "
                   "instead of 1, 1/10, 1/100, 1/1000, so columns 2 to 7 of the positional encoding differ from the "
                   "port's (the paper's)",
         expected=("positional encoding", "positional", "sinusoid", "frequency", "frequencies", "wavelength", "10000",
                   "2i", "2 * i", "arange(0, d, 2)", "div_term", "angle", "2i/d")),
    dict(id="PN15_postnorm_block", side="numpy",
         args=pair("15_postnorm_block_numpy.py", "PostNormBlock", "15_postnorm_block_torch.py", "PostNormBlock",
                   "--data", FRAMES, "--batch-size", "8", *LAYER_BLOCK),
         mechanism="pair: the post-LN attention sublayer is written x1 = x0 + LN1(att), the residual added after the "
                   "norm, instead of x1 = LN1(x0 + att) (LayerNorm(x + Sublayer(x))): the attention output is "
                   "normalised alone and the raw embedding added to it; the backward pass is written for "
                   "LN1(x0 + att) (LN1 cached the statistics of att)",
         expected=("post-ln", "post-norm", "postnorm", "residual connection", "after the norm", "outside the norm",
                   "layer norm", "layernorm", "ln1", "ln(x + ", "x + sublayer", "add & norm", "add and norm",
                   "skip connection", "sublayer")),
    dict(id="PN16_first_token", side="numpy",
         args=pair("16_first_token_numpy.py", "PreNormBlock", "16_first_token_torch.py", "PreNormBlock",
                   "--data", FRAMES, "--batch-size", "8", *HAND_BLOCK),
         mechanism="pair: the first-token pooling's backward writes the classifier's gradient into the last token, "
                   "dx2[:, -1] = dlogits @ Wc.T, instead of the first, dx2[:, 0] (the forward reads x2[:, 0], BERT's "
                   "first token; the line kept from a last-token, GPT-style classifier): every gradient below the "
                   "head (feed-forward, layer norms, attention, embedding, positions) is that of the wrong token, "
                   "while Wc and bc are right",
         expected=("first token", "last token", "[:, 0]", "[:, -1]", "cls", "pooling", "pooled", "wrong token",
                   "wrong position", "token 0", "position 0", "bert", "gpt-style", "first-token")),
    # ------------------------------------------------------------------ correct programs
    dict(id="PNC1_torch_layout_block", side="correct",
         args=pair("correct_01_torch_layout_block_numpy.py", "TorchLayoutBlock", "correct_01_torch_layout_block_torch.py",
                   "TorchLayoutBlock", "--data", FRAMES, "--batch-size", "8",
                   *params("params['embed_w']=embed.weight", "params['embed_b']=embed.bias", "params['pos']=pos",
                           "params['ln1_g']=layer.norm1.weight", "params['ln1_b']=layer.norm1.bias",
                           "params['in_w']=layer.self_attn.in_proj_weight", "params['in_b']=layer.self_attn.in_proj_bias",
                           "params['out_w']=layer.self_attn.out_proj.weight",
                           "params['out_b']=layer.self_attn.out_proj.bias",
                           "params['ln2_g']=layer.norm2.weight", "params['ln2_b']=layer.norm2.bias",
                           "params['fc1_w']=layer.linear1.weight", "params['fc1_b']=layer.linear1.bias",
                           "params['fc2_w']=layer.linear2.weight", "params['fc2_b']=layer.linear2.bias",
                           "params['head_w']=head.weight", "params['head_b']=head.bias")),
         mechanism="pair: a pre-LN transformer block in NumPy with every weight in torch's (out, in) layout (x @ W.T, "
                   "paired without transposes), the packed in-projection read as (3, heads, 4, 8) and applied by "
                   "einsum with no activation reshapes, layer norms by np.einsum row sums, first-token pooling, "
                   "Nesterov in torch's form with in-place velocities; against nn.TransformerEncoderLayer("
                   "norm_first=True, dropout=0.0, batch_first=True) and SGD(nesterov=True)",
         expected=()),
    dict(id="PNC2_head_loop", side="correct",
         args=pair("correct_02_head_loop_numpy.py", "HeadLoopRegressor", "correct_02_head_loop_torch.py",
                   "HeadLoopRegressor", "--data", CAUSAL, "--batch-size", "12",
                   *params("params['W_emb']=embed.weight.T", "params['b_emb']=embed.bias",
                           "params['W_qkv']=qkv.weight.T", "params['W_o']=o.weight.T", "params['b_o']=o.bias",
                           "params['W_r']=r.weight.T", "params['b_r']=r.bias")),
         mechanism="pair: causal two-head attention in NumPy with the heads in a Python loop over column slices of a "
                   "bias-free packed projection, the future set to -inf through np.triu_indices, the softmax in log "
                   "space by np.logaddexp.reduce, the sinusoid from np.outer, AdamW by hand (decay 0.01 on every "
                   "parameter, torch's step-size form); against F.scaled_dot_product_attention(is_causal=True) on a "
                   "chunked nn.Linear(8, 24, bias=False), a float64-built encoding buffer and torch.optim.AdamW",
         expected=()),
    dict(id="PNC3_folded_heads", side="correct",
         args=pair("correct_03_folded_heads_numpy.py", "FoldedHeads", "correct_03_folded_heads_torch.py", "FoldedHeads",
                   "--data", PADDED, "--batch-size", "8",
                   *params("params['E']=tok.weight", "params['P']=pos", "params['Wq']=wq.weight.T",
                           "params['Wk']=wk.weight.T", "params['Wv']=wv.weight.T", "params['Wo']=wo.weight.T",
                           "params['bo']=wo.bias", "params['Wc']=cls.weight.T", "params['bc']=cls.bias")),
         mechanism="pair: padded two-head attention in NumPy with the heads folded into the batch axis (2n, 5, 4), "
                   "the padding as an additive (w - 1) * 1e9 repeated per head, masked mean pooling as one einsum, "
                   "the cross-entropy summed over the batch and divided by n, heavy-ball momentum with an L2 term "
                   "added to the gradient; against F.scaled_dot_product_attention with a boolean attn_mask (True = "
                   "attend, the real tokens) and SGD(momentum=0.9, weight_decay=1e-3)",
         expected=()),
]
